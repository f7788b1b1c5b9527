package com.contactsynchub.numberseries;

/**
 * Business Central's IncStr and number comparison for series numbers such as {@code CT000009}: the last run of
 * digits in the string is the counter, everything around it is kept as it is.
 */
public final class SeriesNumber {

    private SeriesNumber() {
    }

    /** Whether {@code no} has a digit, i.e. a counter that IncStr can increase. */
    public static boolean hasCounter(String no) {
        return no != null && no.chars().anyMatch(Character::isDigit);
    }

    /**
     * The number {@code by} after {@code no}: the last run of digits increased, keeping its width (zero padding),
     * e.g. {@code CT000009 -> CT000010}, {@code A9B -> A10B} is refused because the run has no room.
     *
     * @throws NumberSeriesException when {@code no} has no digits or the run would need more digits than it has.
     *         Growing the run would change the format and could sort a later number before an earlier one, so it
     *         is refused instead (a longer starting no. or ending no. is the fix).
     */
    public static String incStr(String no, int by) {
        if (by < 1) {
            throw new IllegalArgumentException("increment must be at least 1, was " + by);
        }
        int end = no.length();
        while (end > 0 && !Character.isDigit(no.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            throw new NumberSeriesException(no + " contains no number and cannot be incremented.");
        }
        int start = end;
        while (start > 0 && Character.isDigit(no.charAt(start - 1))) {
            start--;
        }
        String digits = no.substring(start, end);
        String increased = new java.math.BigInteger(digits).add(java.math.BigInteger.valueOf(by)).toString();
        if (increased.length() > digits.length()) {
            throw new NumberSeriesException("The number " + no + " cannot be increased by " + by
                    + " because its last group of digits (" + digits + ") has no room for a larger number.");
        }
        String padded = "0".repeat(digits.length() - increased.length()) + increased;
        return no.substring(0, start) + padded + no.substring(end);
    }

    /**
     * Orders numbers of one series: a shorter number comes first, numbers of equal length compare character by
     * character (so {@code CT000010 > CT000009}, and {@code 10 > 9} for plain numbers).
     */
    public static int compare(String a, String b) {
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }
}
