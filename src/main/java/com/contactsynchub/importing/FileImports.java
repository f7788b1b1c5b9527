package com.contactsynchub.importing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code file_import} table. Every statement runs in its own (auto-commit) transaction, so a lost race on the
 * unique claim key fails only its own insert (PostgreSQL aborts a whole transaction on a constraint violation).
 */
@Repository
public class FileImports {

    private static final String COLUMNS = "import_id, claim_key, content_sha256, folder, file_name, dry_run, file_bytes, "
            + "state, owner_id, lease, attempts, rows_total, rows_done, started_at, attempt_started_at, heartbeat_at, "
            + "finished_at, summary, report_file, earlier_import_id";

    private static final RowMapper<FileImport> ROW = (rs, i) -> new FileImport(rs.getString("import_id"),
            rs.getString("claim_key"), rs.getString("content_sha256"), rs.getString("folder"),
            rs.getString("file_name"), rs.getBoolean("dry_run"), rs.getLong("file_bytes"), rs.getString("state"),
            rs.getString("owner_id"), rs.getLong("lease"), rs.getInt("attempts"), rs.getLong("rows_total"),
            rs.getLong("rows_done"), rs.getObject("started_at", OffsetDateTime.class),
            rs.getObject("attempt_started_at", OffsetDateTime.class),
            rs.getObject("heartbeat_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
            rs.getString("summary"), rs.getString("report_file"), rs.getString("earlier_import_id"));

    private final NamedParameterJdbcTemplate jdbc;

    public FileImports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another import holds the claim key */
    public void insert(FileImport row) {
        jdbc.update("insert into file_import (" + COLUMNS + ") values (:importId, :claimKey, :sha, :folder, :fileName, "
                + ":dryRun, :bytes, :state, :owner, :lease, :attempts, :rowsTotal, :rowsDone, :startedAt, "
                + ":attemptStartedAt, :heartbeatAt, :finishedAt, :summary, :reportFile, :earlier)",
                new MapSqlParameterSource()
                .addValue("importId", row.importId()).addValue("claimKey", row.claimKey())
                .addValue("sha", row.contentSha256()).addValue("folder", row.folder())
                .addValue("fileName", row.fileName()).addValue("dryRun", row.dryRun())
                .addValue("bytes", row.fileBytes()).addValue("state", row.state()).addValue("owner", row.ownerId())
                .addValue("lease", row.lease()).addValue("attempts", row.attempts())
                .addValue("rowsTotal", row.rowsTotal()).addValue("rowsDone", row.rowsDone())
                .addValue("startedAt", row.startedAt()).addValue("attemptStartedAt", row.attemptStartedAt())
                .addValue("heartbeatAt", row.heartbeatAt()).addValue("finishedAt", row.finishedAt())
                .addValue("summary", row.summary()).addValue("reportFile", row.reportFile())
                .addValue("earlier", row.earlierImportId()));
    }

    public Optional<FileImport> findByClaim(String claimKey) {
        return jdbc.query("select " + COLUMNS + " from file_import where claim_key = :claimKey",
                new MapSqlParameterSource("claimKey", claimKey), ROW).stream().findFirst();
    }

    public Optional<FileImport> find(String importId) {
        return jdbc.query("select " + COLUMNS + " from file_import where import_id = :importId",
                new MapSqlParameterSource("importId", importId), ROW).stream().findFirst();
    }

    /**
     * The type a row's event had when it was received before (an import resumed after a restart): the row must be
     * described as what it was then, created or changed, although the hub knows the record by now.
     */
    public Optional<String> typeReceivedBefore(String messageId) {
        return jdbc.queryForList("select type from inbound_message where message_id = :messageId",
                new MapSqlParameterSource("messageId", messageId), String.class).stream().findFirst();
    }

    /** The latest imports first. */
    public List<FileImport> latest(int limit) {
        return jdbc.query("select " + COLUMNS + " from file_import order by started_at desc, import_id "
                + "fetch first :limit rows only", new MapSqlParameterSource("limit", limit), ROW);
    }

    /**
     * Takes a running import over (from a hub whose heartbeat stopped, or this hub after a failure): succeeds only
     * if nobody renewed or took it since {@code seenLease} was read. The import starts again from its first row, with
     * the file found now (the same content, perhaps under another name or in another folder).
     */
    public boolean takeOver(String importId, long seenLease, String owner, String folder, String fileName,
            OffsetDateTime now) {
        return jdbc.update("update file_import set owner_id = :owner, lease = lease + 1, attempts = attempts + 1, "
                + "rows_done = 0, attempt_started_at = :now, heartbeat_at = :now, folder = :folder, "
                + "file_name = :fileName where import_id = :importId and lease = :lease and state = 'running'",
                new MapSqlParameterSource().addValue("owner", owner).addValue("now", now)
                        .addValue("folder", folder).addValue("fileName", fileName).addValue("importId", importId)
                        .addValue("lease", seenLease)) == 1;
    }

    /** Renews the owner's heartbeat with the progress; false when another hub has taken the import over. */
    public boolean heartbeat(String importId, String owner, long rowsDone, OffsetDateTime now) {
        return jdbc.update("update file_import set rows_done = :rowsDone, heartbeat_at = :now, lease = lease + 1 "
                + "where import_id = :importId and owner_id = :owner and state = 'running'", new MapSqlParameterSource()
                .addValue("rowsDone", rowsDone).addValue("now", now).addValue("importId", importId)
                .addValue("owner", owner)) == 1;
    }

    /**
     * Withdraws a claim just won on a file that is no longer there (another hub moved it away after this one read
     * it): nothing of it was applied, so the row goes.
     */
    public boolean withdraw(String importId, String owner) {
        return jdbc.update("delete from file_import where import_id = :importId and owner_id = :owner "
                + "and state = 'running'", new MapSqlParameterSource().addValue("importId", importId)
                .addValue("owner", owner)) == 1;
    }

    /** Ends the import; {@code claimKey} is what stays claimed (the SHA-256 for an applied file). */
    public boolean finish(String importId, String owner, String state, String claimKey, long rowsDone,
            String summary, String reportFile, OffsetDateTime now) {
        return jdbc.update("update file_import set state = :state, claim_key = :claimKey, rows_done = :rowsDone, "
                + "summary = :summary, report_file = :reportFile, finished_at = :now, heartbeat_at = :now, "
                + "lease = lease + 1 where import_id = :importId and owner_id = :owner and state = 'running'",
                new MapSqlParameterSource().addValue("state", state).addValue("claimKey", claimKey)
                        .addValue("rowsDone", rowsDone).addValue("summary", summary)
                        .addValue("reportFile", reportFile).addValue("now", now).addValue("importId", importId)
                        .addValue("owner", owner)) == 1;
    }

    /** The time as this table stores it (microseconds, as PostgreSQL keeps them). */
    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
