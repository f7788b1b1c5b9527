package com.contactsynchub.api;

import java.util.List;

/** A request (or setup) with one or more bad values (HTTP 400); every problem names its field. */
public class InvalidRequestException extends RuntimeException {

    private final List<String> problems;

    public InvalidRequestException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
