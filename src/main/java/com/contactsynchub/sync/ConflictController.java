package com.contactsynchub.sync;

import io.swagger.v3.oas.annotations.Operation;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.contactsynchub.sync.Conflicts.StoredConflict;

/** Conflicts for operators: list them, and settle the parked ones (policy {@code manual}). */
@RestController
@RequestMapping("/api/conflicts")
class ConflictController {

    private final Conflicts conflicts;
    private final ConflictResolution resolution;

    ConflictController(Conflicts conflicts, ConflictResolution resolution) {
        this.conflicts = conflicts;
        this.resolution = resolution;
    }

    /** Newest first; {@code status} = parked or resolved. */
    @Operation(summary = "Conflicts, newest first")
    @GetMapping
    List<StoredConflict> list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !status.equals("parked") && !status.equals("resolved")) {
            throw new IllegalArgumentException("status must be parked or resolved (was '" + status + "')");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return conflicts.list(status, limit);
    }

    @Operation(summary = "One conflict")
    @GetMapping("/{id}")
    StoredConflict get(@PathVariable long id) {
        return conflicts.find(id).orElseThrow(() -> new ConflictResolution.ConflictNotFound(id));
    }

    /** Body: {@code {"side": "edited"|"other"}} or {@code {"value": "..."}}. */
    @Operation(summary = "Settle a parked conflict")
    @PostMapping("/{id}/resolution")
    StoredConflict resolve(@PathVariable long id, @RequestBody ConflictResolution.Choice choice, Principal operator) {
        return resolution.resolve(id, choice, operator == null ? "anonymous" : operator.getName());
    }

    @ExceptionHandler(ConflictResolution.ConflictNotFound.class)
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictResolution.ConflictNotParked.class)
    ProblemDetail notParked(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
