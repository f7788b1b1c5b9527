package com.contactsynchub.importing;

/** One row of an export as read from the file, before the hub decides anything. */
public sealed interface SourceRow {

    /** The line the row starts on (the header is line 1 of a CSV file). */
    long line();

    /** A CSV row, mapped (or with the problems that stop it). */
    record Csv(long line, MappedRow row) implements SourceRow {
    }

    /** A line of a JSON Lines file: an event exactly as on the queue (validated by the intake). */
    record JsonLine(long line, String text) implements SourceRow {
    }

    /** A line or row with nothing in it. */
    record Blank(long line) implements SourceRow {
    }

    /** A JSON line too long to be an event: refused without being read into memory. */
    record TooLong(long line, long chars) implements SourceRow {
    }
}
