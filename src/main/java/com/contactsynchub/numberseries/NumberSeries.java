package com.contactsynchub.numberseries;

/**
 * A number series (BC's No. Series with its single line).
 *
 * @param code        Code 20, e.g. {@code CONT}
 * @param startingNo  the first number handed out, e.g. {@code CT000001}
 * @param endingNo    the last number that may be handed out; {@code null} for no limit
 * @param incrementBy how far each number is from the one before (at least 1)
 * @param lastNoUsed  the last number handed out; {@code null} before the first
 */
public record NumberSeries(String code, String description, String startingNo, String endingNo, int incrementBy,
        String lastNoUsed) {

    public static final int CODE_LENGTH = 20;
    public static final int DESCRIPTION_LENGTH = 100;
    public static final int NO_LENGTH = 20;

    /** The number the series hands out next, without changing it. */
    public String nextNo() {
        String next = lastNoUsed == null ? startingNo : SeriesNumber.incStr(lastNoUsed, incrementBy);
        if (endingNo != null && SeriesNumber.compare(next, endingNo) > 0) {
            throw new NumberSeriesException("You cannot assign new numbers from the number series " + code + ".");
        }
        return next;
    }

    public NumberSeries withLastNoUsed(String no) {
        return new NumberSeries(code, description, startingNo, endingNo, incrementBy, no);
    }
}
