package com.contactsynchub.api;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Errors that never reach a controller (no such path, a login missing, a request the servlet container or the
 * security filters refused) as RFC 7807 problems too, in place of Spring Boot's own error JSON or a server's HTML
 * page. The controllers' errors are shaped by {@link ApiExceptionHandler}.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    static final String TYPE_BASE = "https://contactsynchub.example/problems/";

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "login-required";
            case FORBIDDEN -> "forbidden";
            case TOO_MANY_REQUESTS -> "too-many-failed-logins";
            default -> status.is4xxClientError() ? "invalid-request" : "server-error";
        }));
        problem.setTitle(status.getReasonPhrase());
        problem.setDetail(switch (status) {
            case NOT_FOUND -> "There is nothing at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            case UNAUTHORIZED -> "This needs the operator's login (HTTP Basic)";
            case FORBIDDEN -> "This login may not do that";
            // Other messages may come from inside the server; they are not shown.
            default -> status.is4xxClientError() ? "The request cannot be read" : "The hub failed; see its log";
        });
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(URI.create(String.valueOf(uri).replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
