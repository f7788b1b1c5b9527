package com.contactsynchub.importing;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;

/**
 * Run in its own small JVM by {@link LargeFileMemoryTest}: inspects a customers CSV, then streams it through the
 * row reader, the row-to-event mapping, the message validator and the report writer (everything of an import but
 * the database and the broker). Prints rows per second and the heap in use after garbage collection at 10 % and at
 * the end, so the test can show that memory does not grow with the file.
 */
public final class LargeFileProbe {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path report = Path.of(args[1]);
        long start = System.nanoTime();
        FileInspection inspection = FileInspector.inspect(file, RecordType.CUSTOMER);
        if (!inspection.readable()) {
            throw new IllegalStateException(inspection.unreadable());
        }
        MessageValidator validator = new MessageValidator();
        OffsetDateTime occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        long early = -1;
        long rows = 0;
        try (InputStream in = Files.newInputStream(file);
                ImportRows source = ImportRows.open(in, inspection.format(), RecordType.CUSTOMER);
                Writer writer = new BufferedWriter(Files.newBufferedWriter(report, StandardCharsets.UTF_8));
                ImportReport out = new ImportReport(writer)) {
            while (source.hasNext()) {
                SourceRow row = source.next();
                rows++;
                RowOutcome outcome;
                String no = null;
                if (row instanceof SourceRow.Csv csv && csv.row().valid()) {
                    no = csv.row().recordNo();
                    String json = RowEvents.event(csv.row(), RowEvents.typeFor(RecordType.CUSTOMER, true),
                            RowEvents.messageId(inspection.sha256(), row.line()), occurredAt, "erp").toString();
                    Validation validation = validator.validate(json, Channel.ERP_EVENTS);
                    outcome = validation instanceof Validation.Invalid invalid ? RowOutcome.error(invalid.reason())
                            : new RowOutcome(RowOutcome.Kind.NOT_LINKED, "valid");
                } else if (row instanceof SourceRow.Csv csv) {
                    outcome = RowOutcome.error(String.join("; ", csv.row().problems()));
                } else {
                    outcome = RowOutcome.skipped("empty line");
                }
                out.row(row.position(), no, outcome);
                if (rows == inspection.rows() / 10) {
                    early = usedAfterGc();
                }
            }
            out.finish("probe");
        }
        long end = usedAfterGc();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rows=%d seconds=%.1f rowsPerSecond=%d heapAt10Percent=%d heapAtEnd=%d maxHeap=%d%n", rows,
                seconds, Math.round(rows / seconds), early, end, Runtime.getRuntime().maxMemory());
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
