package com.contactsynchub.contract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for record numbers ({@code contactNo}, {@code customerNo}, {@code vendorNo}, {@code bankAccountNo},
 * {@code documentNo}, {@code companyNo}, a link request's {@code recordNo}, ...) wherever they enter the hub: messages,
 * file imports and the admin API. Business Central's numbers are Code 20 values: upper case, no leading or trailing
 * blanks. The hub takes a number exactly as sent and refuses one that breaks the rule instead of changing it,
 * because the number is the other system's key: {@code D80158C19a} upper-cased would name a record that system
 * does not have, and its commands would fail.
 * <p>
 * The JSON Schemas carry the same rule as the {@code pattern} of {@code common.schema.json#/$defs/recordNo}
 * ({@link #SCHEMA_PATTERN}); {@link MessageValidator} words a failure of that pattern with {@link #patternProblem}.
 */
public final class RecordNumbers {

    /** Code 20. */
    public static final int MAX_LENGTH = 20;

    /**
     * The {@code pattern} of {@code recordNo} in common.schema.json, character for character: no control
     * characters, no lower-case letters (Unicode category Ll: a-z, é, ß, ...), none of {@link #URL_RESERVED}, no blank
     * (Unicode separator, Z: the space, the no-break space, ...) at either end.
     */
    public static final String SCHEMA_PATTERN = "^(?!\\p{Z})(?![\\s\\S]*\\p{Z}$)[^\\u0000-\\u001F\\u007F\\p{Ll}/\\\\;%?#]*$";

    /**
     * Characters a record number may not hold: a number is also a segment of the admin API's paths
     * ({@code /api/records/customer/{no}}), where {@code /} and {@code \} split segments (and an encoded {@code %2F}
     * is refused by servers and proxies), {@code ;} starts path parameters that frameworks strip, {@code %} starts an
     * escape and {@code ?} and {@code #} end the path. A number with one of them could be stored but never named.
     */
    public static final String URL_RESERVED = "/\\;%?#";

    private static final Pattern RESERVED = Pattern.compile("[/\\\\;%?#]");
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u001F\\u007F]");
    private static final Pattern LOWER_CASE = Pattern.compile("\\p{Ll}");
    private static final Pattern BLANK_AT_AN_END = Pattern.compile("^\\p{Z}|\\p{Z}$");

    private RecordNumbers() {
    }

    /**
     * What is wrong with a record number, as {@code field: problem}; empty when it is a valid one.
     *
     * @param field the field as the sender named it ({@code customerNo}, {@code companyNo}, {@code No.})
     * @param value the value as sent; null or empty is reported as missing
     */
    public static Optional<String> problem(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(field + ": must have a value");
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH) {
            return Optional.of(field + ": " + length + " characters, the limit is " + MAX_LENGTH);
        }
        return patternProblem(field, value);
    }

    /**
     * What breaks {@link #SCHEMA_PATTERN} in a value, in words: a control character, lower-case letters, or a blank
     * at either end (the first found, in that order); empty when the value matches the pattern.
     */
    public static Optional<String> patternProblem(String field, String value) {
        if (CONTROL.matcher(value).find()) {
            return Optional.of(field + ": contains a control character");
        }
        if (LOWER_CASE.matcher(value).find()) {
            return Optional.of(field + ": '" + value + "' has lower-case letters; record numbers are Code values "
                    + "and must be upper case");
        }
        var reserved = RESERVED.matcher(value);
        if (reserved.find()) {
            return Optional.of(field + ": '" + value + "' has '" + reserved.group() + "'; record numbers may not hold "
                    + "any of / \\ ; % ? # (they could not be named in the admin API's paths)");
        }
        if (BLANK_AT_AN_END.matcher(value).find()) {
            return Optional.of(field + ": '" + value + "' has leading or trailing blanks; record numbers are "
                    + "Code values and must not have them");
        }
        return Optional.empty();
    }

    /** True when {@link #problem} finds nothing. */
    public static boolean isValid(String value) {
        return problem("", value).isEmpty();
    }
}
