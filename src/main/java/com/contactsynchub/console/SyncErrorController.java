package com.contactsynchub.console;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * Sync errors over the admin API, as the console's Sync errors page shows them: decisions that failed for a reason
 * an operator can fix in the setup (today: an automatic contact without a usable Contact Nos. series), with Business
 * Central's Retry and Retry All. A retry applies the stored event once more, once: a record that got its contact
 * (or was deleted) meanwhile is not retried.
 */
@RestController
@RequestMapping("/api/sync-errors")
class SyncErrorController {

    /** One error: the journal entry that recorded it, and whether it still stands. */
    record SyncError(long id, String recordType, String recordNo, String decision, String reason, String causationId,
            OffsetDateTime at, boolean open) {
    }

    record RetryAll(int retried) {
    }

    private final SyncErrorRetry retry;

    SyncErrorController(SyncErrorRetry retry) {
        this.retry = retry;
    }

    @Operation(summary = "Sync errors, the newest of each record first; open = not fixed yet")
    @GetMapping
    List<SyncError> list(@RequestParam(defaultValue = "500") int limit) {
        if (limit < 1 || limit > 5000) {
            throw new IllegalArgumentException("limit must be between 1 and 5000");
        }
        return retry.rows(limit).stream().map(row -> new SyncError(row.entry().id(), row.entry().recordType(),
                row.entry().recordNo(), row.entry().decision(), row.entry().detail(), row.entry().causationId(),
                row.entry().createdAt(), row.open())).toList();
    }

    @Operation(summary = "Retry one sync error (after fixing the setup)")
    @PostMapping("/{id}/retry")
    SyncErrorRetry.Outcome retry(@PathVariable long id) {
        return retry.retry(id);
    }

    @Operation(summary = "Retry every open sync error, each record once")
    @PostMapping("/retry-all")
    RetryAll retryAll(@RequestParam(defaultValue = "500") int limit) {
        return new RetryAll(retry.retryAll(limit));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
