package com.contactsynchub.camel;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.RuntimeCamelException;

/**
 * Why a message failed, short enough for a message property: the exception that says what went wrong (not Camel's
 * wrapper around it), its message on one line, and the root cause when that is another exception.
 *
 * @param exceptionClass the failing exception's class name
 * @param message        its message (and the root cause's), whitespace collapsed, at most {@link #MAX_LENGTH}
 */
public record FailureReason(String exceptionClass, String message) {

    public static final int MAX_LENGTH = 1000;

    public static FailureReason of(Throwable failure) {
        Throwable meaningful = failure;
        while ((meaningful instanceof RuntimeCamelException || meaningful instanceof CamelExecutionException)
                && meaningful.getCause() != null) {
            meaningful = meaningful.getCause();
        }
        Throwable root = meaningful;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = String.valueOf(meaningful.getMessage());
        if (root != meaningful) {
            text += " (cause: " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        return new FailureReason(meaningful.getClass().getName(), trim(text));
    }

    private static String trim(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 3) + "...";
    }
}
