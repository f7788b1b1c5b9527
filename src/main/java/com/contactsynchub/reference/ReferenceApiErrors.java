package com.contactsynchub.reference;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused REST call of a reference system becomes a problem detail with the system's message. */
@RestControllerAdvice(basePackages = "com.contactsynchub.reference")
@Profile("demo")
class ReferenceApiErrors {

    @ExceptionHandler(ReferenceProblem.class)
    ProblemDetail refused(ReferenceProblem problem) {
        HttpStatus status = switch (problem.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
        };
        return ProblemDetail.forStatusAndDetail(status, problem.getMessage());
    }
}
