package com.contactsynchub.api;

/**
 * A request that was understood but that the data refuses, with Business Central's message (a link a rule refuses, a
 * number series that is used up, ...): HTTP 409 with the problem type a feature names. Features extend it, so the
 * admin API's error handling needs to know none of them.
 */
public abstract class RefusedException extends RuntimeException {

    protected RefusedException(String message) {
        super(message);
    }

    /** The last part of the problem's type URI, e.g. {@code link-refused}. */
    public abstract String problemType();

    /** The problem's title, e.g. "Link refused". */
    public abstract String title();
}
