package com.contactsynchub.importing;

import java.util.List;
import java.util.stream.Collectors;

import com.contactsynchub.contract.CommonField;

/**
 * What each column of a CSV export means, read from its header row by {@link HeaderMatcher}.
 *
 * @param columns one per header column, in order
 */
public record ColumnMapping(List<Column> columns) {

    public ColumnMapping {
        columns = List.copyOf(columns);
    }

    /** What a column holds. */
    public enum Target {
        RECORD_NO, FIELD, CONTACT_TYPE, COMPANY_NO, PRIVACY_BLOCKED,
        /** Not a field the hub keeps in step (e.g. Balance, posting groups): read and ignored, named in the report. */
        IGNORED
    }

    /**
     * @param header the header text as written in the file
     * @param field  the common field, for {@link Target#FIELD} only
     */
    public record Column(int index, String header, Target target, CommonField field) {

        /** The name used in messages: {@code phoneNo}, or {@code no.} for the record number. */
        public String fieldName() {
            return switch (target) {
                case FIELD -> field.fieldName();
                case RECORD_NO -> "no.";
                case CONTACT_TYPE -> "contactType";
                case COMPANY_NO -> "companyNo";
                case PRIVACY_BLOCKED -> "privacyBlocked";
                case IGNORED -> header;
            };
        }

        /** For reports: {@code 'Phone No.' (phoneNo)}, or just the header when it is the field name. */
        public String label() {
            return header.equals(fieldName()) ? header : "'" + header + "' (" + fieldName() + ")";
        }
    }

    public List<Column> ignored() {
        return columns.stream().filter(c -> c.target() == Target.IGNORED).toList();
    }

    /** One line for the report: {@code No. -> no., Name -> name, ...; ignored: Balance}. */
    public String describe() {
        String used = columns.stream().filter(c -> c.target() != Target.IGNORED)
                .map(c -> c.header() + " -> " + c.fieldName()).collect(Collectors.joining(", "));
        List<Column> ignored = ignored();
        return used + (ignored.isEmpty() ? "" : "; ignored (not synchronised): "
                + ignored.stream().map(c -> "'" + c.header() + "'").collect(Collectors.joining(", ")));
    }
}
