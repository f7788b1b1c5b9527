package com.contactsynchub.console;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.importing.RowOutcome;
import com.contactsynchub.journal.JournalEntry;

/** The reads the console needs beyond the existing repositories: commands, received messages, errors, counts. */
@Repository
public class ConsoleQueries {

    /**
     * Decisions that failed for a reason an operator fixes in the setup (DOMAIN.md: "the failure is recorded with an
     * error naming the setting"): the automatic contact without Contact Nos., and requests refused for a setting
     * that must have a value.
     */
    static final String SYNC_ERROR_CONDITION = """
            (decision = 'auto-contact-failed' or (decision like '%-refused' and detail like '%must have a value in Marketing Setup%'))
            """;

    /** A command of the outbox with whether the relay has handed it to the broker yet. */
    public record Command(long seq, String commandId, String causationId, String type, String channel, String target,
            String payload, OffsetDateTime createdAt, boolean sent) {

        /** The target's record type and no. ({@code customer:C00010}), for the link to its history. */
        public String targetType() {
            return target.substring(0, target.indexOf(':'));
        }

        public String targetNo() {
            return target.substring(target.indexOf(':') + 1);
        }
    }

    /** A message the hub received and recorded once. */
    public record Received(String messageId, String type, String source, String queue, String recordType,
            String recordNo, Long version, OffsetDateTime occurredAt, OffsetDateTime receivedAt, String payload) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public ConsoleQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long parkedConflicts() {
        return count("select count(*) from sync_conflict where status = 'parked'", new MapSqlParameterSource());
    }

    public long syncErrors() {
        return count("select count(*) from journal where " + SYNC_ERROR_CONDITION, new MapSqlParameterSource());
    }

    public List<JournalEntry> syncErrorEntries(int limit) {
        return jdbc.query("""
                select id, record_type, record_no, decision, origin, causation_id, fields_before, fields_after,
                       detail, created_at
                from journal where """ + SYNC_ERROR_CONDITION + " order by id desc fetch first :limit rows only",
                new MapSqlParameterSource("limit", limit), ConsoleQueries::entry);
    }

    public Optional<JournalEntry> journalEntry(long id) {
        return jdbc.query("""
                select id, record_type, record_no, decision, origin, causation_id, fields_before, fields_after,
                       detail, created_at
                from journal where id = :id
                """, new MapSqlParameterSource("id", id), ConsoleQueries::entry).stream().findFirst();
    }

    /** Journal entries by decision, for the metrics. */
    public Map<String, Long> decisionsByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select decision, count(*) as n from journal group by decision order by decision",
                new MapSqlParameterSource(), rs -> {
                    counts.put(rs.getString("decision"), rs.getLong("n"));
                });
        return counts;
    }

    /** File imports per state and the rows they handled. */
    public Map<String, long[]> importsByState() {
        Map<String, long[]> byState = new LinkedHashMap<>();
        jdbc.query("select state, count(*) as n, coalesce(sum(rows_done), 0) as rows_done from file_import group by state",
                new MapSqlParameterSource(), rs -> {
                    byState.put(rs.getString("state"), new long[] {rs.getLong("n"), rs.getLong("rows_done")});
                });
        return byState;
    }

    /**
     * Rows of all imports by outcome (created, updated, ..., error), dry runs left out (they changed nothing), read
     * from each import's totals line ({@code ImportReport.totalsLine}: "7 row(s): 0 created, ..., 3 error"), the
     * one place the hub stores them; a running import has no totals yet.
     */
    public Map<String, Long> importRowOutcomes() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (RowOutcome.Kind kind : RowOutcome.Kind.values()) {
            totals.put(kind.label(), 0L);
        }
        jdbc.query("select summary from file_import where summary is not null and dry_run = false",
                new MapSqlParameterSource(), rs -> {
                    String summary = rs.getString("summary");
                    for (RowOutcome.Kind kind : RowOutcome.Kind.values()) {
                        Matcher count = Pattern.compile("(\\d+) " + Pattern.quote(kind.label()) + "(?:,|$)")
                                .matcher(summary);
                        if (count.find()) {
                            totals.merge(kind.label(), Long.parseLong(count.group(1)), Long::sum);
                        }
                    }
                });
        return totals;
    }

    /** The commands one message caused, in the order they were decided. */
    public List<Command> commandsCausedBy(String causationId) {
        return jdbc.query(COMMAND_SELECT + " where c.causation_id = :id order by c.seq",
                new MapSqlParameterSource("id", causationId), ConsoleQueries::command);
    }

    public Optional<Command> command(String commandId) {
        return jdbc.query(COMMAND_SELECT + " where c.command_id = :id", new MapSqlParameterSource("id", commandId),
                ConsoleQueries::command).stream().findFirst();
    }

    public Optional<Received> received(String messageId) {
        return jdbc.query("""
                select message_id, type, source, queue, record_type, record_no, version, occurred_at, received_at,
                       payload
                from inbound_message where message_id = :id
                """, new MapSqlParameterSource("id", messageId), (rs, i) -> new Received(rs.getString("message_id"),
                rs.getString("type"), rs.getString("source"), rs.getString("queue"), rs.getString("record_type"),
                rs.getString("record_no"), (Long) rs.getObject("version", Long.class),
                rs.getObject("occurred_at", OffsetDateTime.class), rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("payload"))).stream().findFirst();
    }

    /** The person contacts the hub knows of a company. */
    public List<String> personsOf(String companyNo) {
        return jdbc.queryForList("""
                select record_no from known_record
                where record_type = 'contact' and company_no = :no and deleted = false order by record_no
                """, new MapSqlParameterSource("no", companyNo), String.class);
    }

    private static final String COMMAND_SELECT = """
            select c.seq, c.command_id, c.causation_id, c.type, c.channel, c.group_id, c.payload, c.created_at,
                   case when u.seq is null then 1 else 0 end as sent
            from outbound_command c left join command_unsent u on u.seq = c.seq
            """;

    private static Command command(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Command(rs.getLong("seq"), rs.getString("command_id"), rs.getString("causation_id"),
                rs.getString("type"), rs.getString("channel"), rs.getString("group_id"), rs.getString("payload"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getInt("sent") == 1);
    }

    static JournalEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new JournalEntry(rs.getLong("id"), rs.getString("record_type"), rs.getString("record_no"),
                rs.getString("decision"), rs.getString("origin"), rs.getString("causation_id"),
                rs.getString("fields_before"), rs.getString("fields_after"), rs.getString("detail"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private long count(String sql, MapSqlParameterSource params) {
        Long n = jdbc.queryForObject(sql, params, Long.class);
        return n == null ? 0 : n;
    }
}
