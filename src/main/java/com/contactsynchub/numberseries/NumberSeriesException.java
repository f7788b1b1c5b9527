package com.contactsynchub.numberseries;

import com.contactsynchub.api.RefusedException;

/** A number cannot be allocated from a series (exhausted, unknown, or its last number cannot be increased). */
public class NumberSeriesException extends RefusedException {

    public NumberSeriesException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "number-series";
    }

    @Override
    public String title() {
        return "Number series problem";
    }
}
