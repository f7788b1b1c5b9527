package com.contactsynchub.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report written beside an imported file: a few lines about the file, one line per input row with its outcome,
 * and the totals. Written as the rows are processed, so it never has to be held in memory.
 */
public final class ImportReport implements Closeable {

    private final Writer out;
    private final Map<RowOutcome.Kind, Long> totals = new EnumMap<>(RowOutcome.Kind.class);
    private long rows;

    public ImportReport(Writer out) {
        this.out = out;
        for (RowOutcome.Kind kind : RowOutcome.Kind.values()) {
            totals.put(kind, 0L);
        }
    }

    /**
     * The head: the file, the import, dry run or not, the format and rows counted.
     *
     * @param rows false for a file whose rows are not read (already imported): no row count in the head
     */
    public void head(Path file, ImportFolder folder, FileInspection inspection, OffsetDateTime modified,
            FileImport row, boolean rows) throws IOException {
        info("File: " + file.getFileName() + " (" + folder.path() + ", " + inspection.bytes() + " bytes, "
                + "last modified " + modified + ")");
        info("Import: " + row.importId() + (row.attempts() > 1 ? " (attempt " + row.attempts() + ")" : "")
                + ", SHA-256 " + inspection.sha256());
        if (row.dryRun()) {
            info("DRY RUN: checked and reported only; nothing was changed and no command was sent.");
        }
        if (inspection.readable() && rows) {
            info("Format: " + (inspection.format() == FileFormat.CSV ? "CSV" : "JSON Lines") + ", "
                    + inspection.rows() + " row(s)");
        }
    }

    /** A line of the report's head, e.g. {@code File: customers.csv}. */
    public void info(String line) throws IOException {
        out.write(line);
        out.write('\n');
    }

    /**
     * {@code row 5 | C00030 | error | ...}, {@code row 5 (file line 6) | ...} after a value with a line break, or
     * {@code line 5 | ...} for JSON Lines.
     *
     * @param recordNo the row's record no. when known, else null
     */
    public void row(RowPosition at, String recordNo, RowOutcome outcome) throws IOException {
        rows++;
        totals.merge(outcome.kind(), 1L, Long::sum);
        out.write(at.label());
        out.write(" | ");
        out.write(recordNo == null ? "-" : recordNo);
        out.write(" | ");
        out.write(outcome.kind().label());
        out.write(" | ");
        out.write(outcome.text().replace('\n', ' ').replace('\r', ' '));
        out.write('\n');
    }

    public long rows() {
        return rows;
    }

    public long count(RowOutcome.Kind kind) {
        return totals.get(kind);
    }

    /** {@code 12 rows: 3 created, 4 updated, ...} */
    public String totalsLine() {
        return rows + " row(s): " + totals.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    /** Ends a report that has no rows to count (an already imported file): only the result. */
    public void result(String state) throws IOException {
        out.write("Result: " + state + "\n");
        out.flush();
    }

    /** Writes the totals line. */
    public void finish(String state) throws IOException {
        out.write("\nTotals: " + totalsLine() + "\n");
        out.write("Result: " + state + "\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
