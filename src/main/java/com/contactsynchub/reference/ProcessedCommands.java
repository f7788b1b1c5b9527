package com.contactsynchub.reference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The commands a reference system has dealt with, by commandId. The hub may send a command again (same commandId);
 * like a careful real system, the reference system then repeats its acknowledgement instead of applying it twice.
 */
public class ProcessedCommands {

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;

    public ProcessedCommands(NamedParameterJdbcTemplate jdbc, ReferenceSystem system) {
        this.jdbc = jdbc;
        this.table = system.tablePrefix() + "processed_command";
    }

    public Optional<CommandOutcome> find(String commandId) {
        return jdbc.query("select status, reason, record_no, group_id from " + table + " where command_id = :commandId",
                new MapSqlParameterSource("commandId", commandId),
                (rs, i) -> new CommandOutcome(CommandOutcome.Status.fromWireName(rs.getString("status")),
                        rs.getString("reason"), rs.getString("record_no"), rs.getString("group_id")))
                .stream().findFirst();
    }

    public void record(String commandId, String type, CommandOutcome outcome, Instant at) {
        jdbc.update("insert into " + table + " (command_id, type, status, reason, record_no, group_id, processed_at)"
                + " values (:commandId, :type, :status, :reason, :recordNo, :groupId, :at)",
                new MapSqlParameterSource("commandId", commandId)
                        .addValue("type", type)
                        .addValue("status", outcome.status().wireName())
                        .addValue("reason", outcome.reason())
                        .addValue("recordNo", outcome.recordNo())
                        .addValue("groupId", outcome.groupId())
                        .addValue("at", Timestamp.from(at)));
    }
}
