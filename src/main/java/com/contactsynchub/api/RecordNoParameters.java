package com.contactsynchub.api;

import com.contactsynchub.contract.RecordNumbers;

/**
 * Record numbers in the admin API's paths, parameters and bodies follow the rule of the messages
 * ({@link RecordNumbers}): taken exactly as given, refused with 400 and the same reason when they have lower-case
 * letters or a blank at either end, never upper-cased or trimmed on the way.
 */
public final class RecordNoParameters {

    private RecordNoParameters() {
    }

    /**
     * @return the value, unchanged
     * @throws InvalidRequestException naming the field and the value when it is missing or breaks the rule
     */
    public static String require(String field, String value) {
        RecordNumbers.problem(field, value).ifPresent(problem -> {
            throw new InvalidRequestException(problem);
        });
        return value;
    }

    /** A filter: null or blank means none, anything else must be a valid record number. */
    public static String optional(String field, String value) {
        return value == null || value.isBlank() ? null : require(field, value);
    }
}
