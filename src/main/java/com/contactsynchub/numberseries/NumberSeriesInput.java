package com.contactsynchub.numberseries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A number series as given to {@code PUT /api/number-series/{code}} or in configuration, before it is checked.
 * {@code lastNoUsed} left out keeps the series' current value: resetting it by omission would hand out numbers
 * twice.
 */
public record NumberSeriesInput(String description, String startingNo, String endingNo, Integer incrementBy,
        String lastNoUsed) {

    /** Every problem with this input for series {@code code}, each naming its field; empty when it is fine. */
    public List<String> problems(String code) {
        List<String> problems = new ArrayList<>();
        String normalizedCode = code(code);
        if (normalizedCode == null) {
            problems.add("code: must have a value");
        } else {
            checkLength(problems, "code", normalizedCode, NumberSeries.CODE_LENGTH);
        }
        if (description != null) {
            checkLength(problems, "description", description, NumberSeries.DESCRIPTION_LENGTH);
        }
        String start = code(startingNo);
        String end = code(endingNo);
        String last = code(lastNoUsed);
        if (start == null) {
            problems.add("startingNo: must have a value");
        } else if (checkLength(problems, "startingNo", start, NumberSeries.NO_LENGTH) && !SeriesNumber.hasCounter(start)) {
            problems.add("startingNo: " + start + " contains no number and cannot be incremented");
        }
        if (end != null && checkLength(problems, "endingNo", end, NumberSeries.NO_LENGTH) && start != null
                && SeriesNumber.compare(end, start) < 0) {
            problems.add("endingNo: " + end + " comes before startingNo " + start);
        }
        if (last != null && checkLength(problems, "lastNoUsed", last, NumberSeries.NO_LENGTH)) {
            if (!SeriesNumber.hasCounter(last)) {
                problems.add("lastNoUsed: " + last + " contains no number and cannot be incremented");
            }
            if (end != null && SeriesNumber.compare(last, end) > 0) {
                problems.add("lastNoUsed: " + last + " comes after endingNo " + end);
            }
        }
        if (incrementBy != null && incrementBy < 1) {
            problems.add("incrementBy: must be at least 1, was " + incrementBy);
        }
        return problems;
    }

    /** The series this input describes; {@code current} supplies the last no. used when the input leaves it out. */
    public NumberSeries toSeries(String code, NumberSeries current) {
        String last = code(lastNoUsed);
        if (last == null && current != null) {
            last = current.lastNoUsed();
        }
        return new NumberSeries(code(code), blankToNull(description), code(startingNo), code(endingNo),
                incrementBy == null ? 1 : incrementBy, last);
    }

    /** BC's Code type: upper-case without leading or trailing blanks; blank is "no value". */
    public static String code(String value) {
        String trimmed = blankToNull(value);
        return trimmed == null ? null : trimmed.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean checkLength(List<String> problems, String field, String value, int max) {
        if (value.length() > max) {
            problems.add(field + ": " + value.length() + " characters, at most " + max + " allowed");
            return false;
        }
        return true;
    }
}
