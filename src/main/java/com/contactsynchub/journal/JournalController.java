package com.contactsynchub.journal;

import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.contactsynchub.api.RecordNoParameters;
import com.contactsynchub.contract.RecordType;

/** The journal of one record, newest first. */
@RestController
class JournalController {

    /** Documents have a journal too (requests, interactions), though they are not synchronised records. */
    private static final String DOCUMENT = "document";

    private final Journal journal;

    JournalController(Journal journal) {
        this.journal = journal;
    }

    @Operation(summary = "Every decision about a record (or document), newest first")
    @GetMapping("/api/journal/{recordType}/{recordNo}")
    List<JournalEntry> forRecord(@PathVariable String recordType, @PathVariable String recordNo,
            @RequestParam(defaultValue = "100") int limit) {
        if (RecordType.fromWireName(recordType).isEmpty() && !DOCUMENT.equals(recordType)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "recordType must be one of contact, customer,"
                    + " vendor, bankAccount, document (was '" + recordType + "')");
        }
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 1000");
        }
        return journal.forRecord(recordType, RecordNoParameters.require("recordNo", recordNo), limit);
    }
}
