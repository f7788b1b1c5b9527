package com.contactsynchub.importing;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One CSV row read into the hub's terms. Rows with problems are reported and not applied.
 *
 * @param recordNo       the record's no. exactly as written (a no. that breaks the rule of record numbers is a
 *                       problem); null when missing
 * @param fields         the common fields present in the file, by field name
 * @param contactType    {@code company} or {@code person} when the file has the column and a value
 * @param companyNo      a person contact's company when the file has the column, as written; "" for an empty value
 * @param privacyBlocked when the file has the column and a value
 * @param notes          what was adjusted, e.g. a line break inside a value replaced by a space
 * @param problems       why the row cannot be applied, each naming the field
 */
public record MappedRow(long line, String recordNo, ObjectNode fields, String contactType, String companyNo,
        Boolean privacyBlocked, List<String> notes, List<String> problems) {

    public MappedRow {
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
