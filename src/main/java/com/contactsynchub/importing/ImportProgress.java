package com.contactsynchub.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts rows, renews the claim's heartbeat and logs progress at their intervals. */
final class ImportProgress {

    /** Logs as the file importer, as before these classes were split from it. */
    private static final Logger log = LoggerFactory.getLogger(FileImporter.class);

    private final FileImports imports;
    private final ImportProperties properties;
    private final Clock clock;
    private final String instanceId;
    private final FileImport row;
    private final long total;
    private final Instant start;
    private long done;
    private Instant lastBeat;
    private Instant lastLog;

    ImportProgress(FileImports imports, ImportProperties properties, Clock clock, String instanceId, FileImport row,
            long total) {
        this.imports = imports;
        this.properties = properties;
        this.clock = clock;
        this.instanceId = instanceId;
        this.row = row;
        this.total = total;
        this.start = clock.instant();
        this.lastBeat = start;
        this.lastLog = start;
    }

    /** Rows done (applied and committed) in this attempt. */
    long done() {
        return done;
    }

    /** Counts {@code rows} more as done (applied and committed); false when the claim was lost to another hub. */
    boolean advance(int rows) {
        long before = done;
        done += rows;
        Instant now = clock.instant();
        boolean last = done >= total;
        if (!last && Duration.between(lastBeat, now).compareTo(properties.heartbeatInterval()) < 0
                && done / 500 == before / 500) {
            return true;
        }
        lastBeat = now;
        if (!imports.heartbeat(row.importId(), instanceId, done, FileImports.now(clock))) {
            return false;
        }
        if (Duration.between(lastLog, now).compareTo(properties.progressLogInterval()) >= 0) {
            lastLog = now;
            double seconds = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
            double rate = done / seconds;
            log.info("Import {} of {}: {} of {} rows ({}%), {} rows/s, about {} s left", row.importId(),
                    row.fileName(), done, total, total == 0 ? 100 : done * 100 / total, Math.round(rate),
                    rate <= 0 ? "?" : Math.round((total - done) / rate));
        }
        return true;
    }
}
