package com.contactsynchub.importing;

import java.time.OffsetDateTime;

/**
 * One import of one file, as stored in {@code file_import} and shown by {@code GET /api/imports}.
 *
 * @param state     {@code running}, {@code done}, {@code refused} (the file could not be read: error folder) or
 *                  {@code already-imported} (the same content was imported before: nothing applied)
 * @param ownerId   the hub instance running (or that ran) it
 * @param lease     incremented at every heartbeat; a takeover succeeds only against the lease it read
 * @param rowsTotal rows counted in the first pass
 * @param summary   the totals, or why the file was refused
 * @param earlierImportId for {@code already-imported}: the import that applied the same content; else null
 */
public record FileImport(String importId, String claimKey, String contentSha256, String folder, String fileName,
        boolean dryRun, long fileBytes, String state, String ownerId, long lease, int attempts, long rowsTotal,
        long rowsDone, OffsetDateTime startedAt, OffsetDateTime attemptStartedAt, OffsetDateTime heartbeatAt,
        OffsetDateTime finishedAt, String summary, String reportFile, String earlierImportId) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String REFUSED = "refused";
    public static final String ALREADY_IMPORTED = "already-imported";
}
