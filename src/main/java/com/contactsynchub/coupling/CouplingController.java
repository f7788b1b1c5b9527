package com.contactsynchub.coupling;

import io.swagger.v3.oas.annotations.Operation;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.contactsynchub.api.InvalidRequestException;

/** Admin API of match-based coupling (docs/linking.md): start a run, apply a dry run, follow it, download its report. */
@RestController
@RequestMapping("/api/couplings")
public class CouplingController {

    private final CouplingService service;
    private final CouplingRuns runs;

    public CouplingController(CouplingService service, CouplingRuns runs) {
        this.service = service;
        this.runs = runs;
    }

    @Operation(summary = "Start a coupling run: match finance records with existing contacts (dry run by default)")
    @PostMapping
    public ResponseEntity<CouplingStatus> start(@RequestBody(required = false) CouplingOptions options) {
        CouplingRun run = service.start(options == null ? new CouplingOptions(null, null, null, null) : options,
                "api");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(run));
    }

    @Operation(summary = "Apply a dry run's proposals as reported (or resume a failed run)")
    @PostMapping("/{couplingId}/apply")
    public ResponseEntity<CouplingStatus> apply(@PathVariable String couplingId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(service.apply(couplingId)));
    }

    @Operation(summary = "Coupling runs, newest first, with their progress")
    @GetMapping
    public List<CouplingStatus> list(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit: must be between 1 and 1000, was " + limit);
        }
        return runs.latest(limit).stream().map(this::status).toList();
    }

    @Operation(summary = "One coupling run: state, progress, categories, outcomes")
    @GetMapping("/{couplingId}")
    public CouplingStatus get(@PathVariable String couplingId) {
        return status(service.find(couplingId));
    }

    @Operation(summary = "The run's report: one line per finance record (text, as a download)")
    @GetMapping(value = "/{couplingId}/report", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<StreamingResponseBody> report(@PathVariable String couplingId) {
        CouplingRun run = service.find(couplingId);
        StreamingResponseBody body = out -> CouplingReport.write(run, runs,
                new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"coupling-" + couplingId + ".txt\"")
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(body);
    }

    private CouplingStatus status(CouplingRun run) {
        return CouplingStatus.of(run, runs.categories(run.couplingId()), runs.outcomes(run.couplingId()));
    }
}
