package com.contactsynchub.importing;

/** Which separator a CSV export uses, read from its header line: {@code ,} or {@code ;} (or a tab). */
public final class SeparatorDetector {

    private static final char[] CANDIDATES = {',', ';', '\t'};

    private SeparatorDetector() {
    }

    /**
     * The candidate found most often outside quotes in the header line; a comma when there is none (one column).
     * Excel writes {@code ;} where the decimal separator is a comma, {@code ,} elsewhere.
     */
    public static char detect(String headerLine) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    /** How the separator is named in reports. */
    public static String describe(char separator) {
        return switch (separator) {
            case '\t' -> "tab";
            case ';' -> "semicolon (;)";
            default -> "comma (,)";
        };
    }
}
