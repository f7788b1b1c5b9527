package com.contactsynchub.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordNumbers;
import com.contactsynchub.importing.ColumnMapping.Column;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the values of one CSV row into a {@link MappedRow}: Code field values upper-cased and trimmed (as BC does on
 * entry), record numbers (the No. and company columns) taken exactly as written and refused when they break
 * {@link RecordNumbers}' rule (lower-case letters, a blank at either end: another system's key is never changed),
 * lengths checked against BC's field lengths, line breaks inside a quoted value joined with a space (BC's fields are
 * single-line; the report says so), every problem named with its column.
 */
public final class RowMapper {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n|[\\r\\n\\t]");
    private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u001F\\u007F]");

    private final ColumnMapping mapping;
    private final EmptyCells emptyCells;

    /** Empty cells clear their field ({@link EmptyCells#CLEAR}). */
    public RowMapper(ColumnMapping mapping) {
        this(mapping, EmptyCells.CLEAR);
    }

    public RowMapper(ColumnMapping mapping, EmptyCells emptyCells) {
        this.mapping = mapping;
        this.emptyCells = emptyCells;
    }

    /** True for a row that is only an empty line (or only empty values): reported as skipped. */
    public static boolean isBlank(List<String> values) {
        return values.stream().allMatch(v -> v == null || v.isBlank());
    }

    public MappedRow map(long line, List<String> values) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String recordNo = null;
        String contactType = null;
        String companyNo = null;
        Boolean privacyBlocked = null;
        if (values.size() != mapping.columns().size()) {
            problems.add("malformed row: " + values.size() + " value(s), the header has " + mapping.columns().size()
                    + " column(s)");
            // The record no. is shown when its column has a value: usually the first column, before whatever
            // shifted the others (an unquoted separator in a name).
            return new MappedRow(line, recordNoOfMalformed(values), fields, null, null, null, notes, problems);
        }
        for (Column column : mapping.columns()) {
            String raw = values.get(column.index());
            switch (column.target()) {
                case IGNORED -> {
                }
                case RECORD_NO -> {
                    if (raw.isBlank()) {
                        problems.add(column.label() + ": is missing");
                    } else {
                        recordNo = raw;
                        RecordNumbers.problem(column.label(), raw).ifPresent(problems::add);
                    }
                }
                case FIELD -> {
                    if (emptyCells == EmptyCells.KEEP && raw.isBlank()) {
                        continue; // not sent: the field keeps its value
                    }
                    String value = singleLine(column, raw, notes);
                    if (column.field().kind() == CommonField.Kind.CODE) {
                        value = code(value);
                    }
                    checkLength(column, value, column.field().maxLength(), problems);
                    checkControl(column, value, problems);
                    fields.put(column.field().fieldName(), value);
                }
                case CONTACT_TYPE -> {
                    String value = raw.strip().toLowerCase(Locale.ROOT);
                    if (value.equals("company") || value.equals("person")) {
                        contactType = value;
                    } else if (!value.isEmpty()) {
                        problems.add(column.label() + ": '" + shorten(raw) + "' is neither Company nor Person");
                    }
                }
                case COMPANY_NO -> {
                    if (emptyCells == EmptyCells.KEEP && raw.isBlank()) {
                        continue; // not sent: the contact keeps its company
                    }
                    // An empty cell (or one of blanks only) means no company.
                    companyNo = raw.isBlank() ? "" : raw;
                    if (!companyNo.isEmpty()) {
                        RecordNumbers.problem(column.label(), raw).ifPresent(problems::add);
                    }
                }
                case PRIVACY_BLOCKED -> {
                    String value = raw.strip().toLowerCase(Locale.ROOT);
                    switch (value) {
                        case "yes", "true", "1", "x" -> privacyBlocked = true;
                        case "no", "false", "0", "" -> privacyBlocked = value.isEmpty() ? null : false;
                        default -> problems.add(column.label() + ": '" + shorten(raw)
                                + "' is not Yes or No");
                    }
                }
            }
        }
        return new MappedRow(line, recordNo, fields, contactType, companyNo, privacyBlocked, notes, problems);
    }

    /** The value of the record no. column of a row with too many or too few values, shortened; null when empty. */
    private String recordNoOfMalformed(List<String> values) {
        return mapping.columns().stream().filter(c -> c.target() == ColumnMapping.Target.RECORD_NO).findFirst()
                .filter(c -> c.index() < values.size()).map(c -> values.get(c.index()))
                .filter(v -> v != null && !v.isBlank()).map(v -> shorten(LINE_BREAKS.matcher(v).replaceAll(" ")))
                .orElse(null);
    }

    private static String code(String raw) {
        return raw.strip().toUpperCase(Locale.ROOT);
    }

    private static String singleLine(Column column, String raw, List<String> notes) {
        if (!LINE_BREAKS.matcher(raw).find()) {
            return raw;
        }
        notes.add(column.label() + ": line break replaced by a space");
        return LINE_BREAKS.matcher(raw).replaceAll(" ");
    }

    private static void checkLength(Column column, String value, int limit, List<String> problems) {
        int length = value.codePointCount(0, value.length());
        if (length > limit) {
            problems.add(column.label() + ": " + length + " characters, the limit is " + limit);
        }
    }

    private static void checkControl(Column column, String value, List<String> problems) {
        if (CONTROL.matcher(value).find()) {
            problems.add(column.label() + ": contains a control character");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
