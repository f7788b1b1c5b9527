package com.contactsynchub.security;

import java.util.List;

/** The hub refuses to start: each problem names the variable to fix (see {@link StartupSafety}). */
public class UnsafeConfigurationException extends RuntimeException {

    private final List<String> problems;

    public UnsafeConfigurationException(List<String> problems) {
        super("The hub refuses to start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
