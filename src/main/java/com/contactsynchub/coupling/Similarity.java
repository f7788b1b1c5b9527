package com.contactsynchub.coupling;

/** How alike two normalised values are, for the fuzzy name rule: 1 - Levenshtein distance / longer length. */
final class Similarity {

    private Similarity() {
    }

    /** 1.0 for equal values, 0.0 for nothing in common; two empty values are not alike (0.0). */
    static double of(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 0.0;
        }
        return 1.0 - (double) distance(a, b) / longer;
    }

    /**
     * The greatest similarity two values of these lengths can have (the distance is at least the difference in
     * length): a pair whose bound is below the threshold need not be compared.
     */
    static double upperBound(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 0.0 : 1.0 - (double) Math.abs(a.length() - b.length()) / longer;
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
