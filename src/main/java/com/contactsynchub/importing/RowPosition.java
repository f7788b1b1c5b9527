package com.contactsynchub.importing;

/**
 * Where a report line's row is in the file, as a person looks for it. A CSV row is numbered as a spreadsheet (Excel,
 * LibreOffice) shows it, the header being row 1; after a value with a line break inside, the file line where the
 * row starts is one further per line break, and the report gives it too: {@code row 5 (file line 6)}. A JSON Lines
 * file has no spreadsheet view: {@code line 5}.
 *
 * @param sheetRow the spreadsheet row (CSV), or the line (JSON Lines)
 * @param line     the file line the row starts on
 * @param csv      a CSV row
 */
public record RowPosition(long sheetRow, long line, boolean csv) {

    public static RowPosition csv(long sheetRow, long line) {
        return new RowPosition(sheetRow, line, true);
    }

    public static RowPosition line(long line) {
        return new RowPosition(line, line, false);
    }

    /** {@code row 5}, {@code row 5 (file line 6)} or {@code line 5}. */
    public String label() {
        if (!csv) {
            return "line " + line;
        }
        return sheetRow == line ? "row " + sheetRow : "row " + sheetRow + " (file line " + line + ")";
    }
}
