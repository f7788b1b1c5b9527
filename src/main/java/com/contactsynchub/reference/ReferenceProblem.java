package com.contactsynchub.reference;

/**
 * A request the reference system refuses, with the message a user (or the hub, in a rejected acknowledgement)
 * gets to read. Thrown before anything is published: a publish inside a command listener cannot be taken back.
 */
public class ReferenceProblem extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, BAD_REQUEST }

    private final Kind kind;

    public ReferenceProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ReferenceProblem notFound(String message) {
        return new ReferenceProblem(Kind.NOT_FOUND, message);
    }

    public static ReferenceProblem conflict(String message) {
        return new ReferenceProblem(Kind.CONFLICT, message);
    }

    public static ReferenceProblem badRequest(String message) {
        return new ReferenceProblem(Kind.BAD_REQUEST, message);
    }
}
