package com.contactsynchub.importing;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An import as {@code GET /api/imports} shows it, with the rate and time left worked out from its progress.
 *
 * @param rowsPerSecond        rows done per second in the current attempt
 * @param secondsLeft          estimated from that rate; null when not running or not yet measurable
 * @param reportFile           where the report lies (done/ or error/) once finished
 * @param earlierImportId      for an {@code already-imported} file: the import that applied the same content
 */
public record ImportStatus(String importId, String folder, String fileName, boolean dryRun, String state,
        long fileBytes, long rowsTotal, long rowsDone, Integer percentDone, Double rowsPerSecond, Long secondsLeft,
        int attempts, String owner, OffsetDateTime startedAt, OffsetDateTime lastProgressAt,
        OffsetDateTime finishedAt, String summary, String reportFile, String contentSha256,
        String earlierImportId) {

    public static ImportStatus of(FileImport row) {
        double seconds = Duration.between(row.attemptStartedAt(), row.heartbeatAt()).toMillis() / 1000.0;
        Double rate = seconds > 0 && row.rowsDone() > 0 ? Math.round(row.rowsDone() / seconds * 10) / 10.0 : null;
        Long left = FileImport.RUNNING.equals(row.state()) && rate != null && rate > 0
                ? Math.round((row.rowsTotal() - row.rowsDone()) / rate) : null;
        Integer percent = row.rowsTotal() == 0 ? null : (int) (row.rowsDone() * 100 / row.rowsTotal());
        return new ImportStatus(row.importId(), row.folder(), row.fileName(), row.dryRun(), row.state(),
                row.fileBytes(), row.rowsTotal(), row.rowsDone(), percent, rate, left, row.attempts(), row.ownerId(),
                row.startedAt(), row.heartbeatAt(), row.finishedAt(), row.summary(), row.reportFile(),
                row.contentSha256(), row.earlierImportId());
    }
}
