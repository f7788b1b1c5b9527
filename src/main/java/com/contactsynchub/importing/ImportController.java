package com.contactsynchub.importing;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.api.NotFoundException;

/** Admin API: the file imports, running and finished, with their progress. */
@RestController
@RequestMapping("/api/imports")
public class ImportController {

    private final FileImports imports;

    public ImportController(FileImports imports) {
        this.imports = imports;
    }

    /** The latest imports first (of every hub instance sharing the database). */
    @Operation(summary = "File imports, newest first, with their progress")
    @GetMapping
    public List<ImportStatus> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit: must be between 1 and 1000, was " + limit);
        }
        return imports.latest(limit).stream().map(ImportStatus::of).toList();
    }

    @Operation(summary = "One file import")
    @GetMapping("/{importId}")
    public ImportStatus get(@PathVariable String importId) {
        return imports.find(importId).map(ImportStatus::of)
                .orElseThrow(() -> new NotFoundException("import " + importId + " does not exist"));
    }
}
