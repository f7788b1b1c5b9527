package com.contactsynchub.numberseries;

/** A number cannot be allocated from a series (exhausted, unknown, or its last number cannot be increased). */
public class NumberSeriesException extends RuntimeException {

    public NumberSeriesException(String message) {
        super(message);
    }
}
