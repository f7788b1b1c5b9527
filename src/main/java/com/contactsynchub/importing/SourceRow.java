package com.contactsynchub.importing;

/** One row of an export as read from the file, before the hub decides anything. */
public sealed interface SourceRow {

    /** The line the row starts on (the header is line 1 of a CSV file): the row's message id is made of it. */
    long line();

    /**
     * The row as a spreadsheet shows it: CSV records counted from the header (row 1), so a value with a line break
     * inside does not shift the rows after it as it shifts their file lines; for JSON Lines the line.
     */
    long sheetRow();

    /** Where the report says the row is. */
    default RowPosition position() {
        return RowPosition.line(line());
    }

    /** A CSV row, mapped (or with the problems that stop it). */
    record Csv(long line, long sheetRow, MappedRow row) implements SourceRow {

        @Override
        public RowPosition position() {
            return RowPosition.csv(sheetRow, line);
        }
    }

    /** A line of a JSON Lines file: an event exactly as on the queue (validated by the intake). */
    record JsonLine(long line, String text) implements SourceRow {

        @Override
        public long sheetRow() {
            return line;
        }
    }

    /** A line (JSON Lines) or row (CSV) with nothing in it. */
    record Blank(long line, long sheetRow, boolean csv) implements SourceRow {

        /** An empty line of a JSON Lines file. */
        public Blank(long line) {
            this(line, line, false);
        }

        @Override
        public RowPosition position() {
            return csv ? RowPosition.csv(sheetRow, line) : RowPosition.line(line);
        }
    }

    /** A JSON line too long to be an event: refused without being read into memory. */
    record TooLong(long line, long chars) implements SourceRow {

        @Override
        public long sheetRow() {
            return line;
        }
    }
}
