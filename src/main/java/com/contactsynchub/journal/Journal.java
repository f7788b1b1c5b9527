package com.contactsynchub.journal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The record of every decision, written in the same transaction as the decision itself. */
@Repository
public class Journal {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public Journal(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void write(String recordType, String recordNo, String decision, String origin, String causationId,
            String fieldsBefore, String fieldsAfter, String detail) {
        jdbc.update("""
                insert into journal (record_type, record_no, decision, origin, causation_id, fields_before,
                                     fields_after, detail, created_at)
                values (:recordType, :recordNo, :decision, :origin, :causationId, :fieldsBefore, :fieldsAfter,
                        :detail, :createdAt)
                """, new MapSqlParameterSource()
                .addValue("recordType", recordType)
                .addValue("recordNo", recordNo)
                .addValue("decision", decision)
                .addValue("origin", origin)
                .addValue("causationId", causationId)
                .addValue("fieldsBefore", fieldsBefore)
                .addValue("fieldsAfter", fieldsAfter)
                .addValue("detail", detail)
                .addValue("createdAt", OffsetDateTime.now(clock)));
    }

    /** The record's entries, newest first. */
    public List<JournalEntry> forRecord(String recordType, String recordNo, int limit) {
        return jdbc.query("""
                select id, record_type, record_no, decision, origin, causation_id, fields_before, fields_after,
                       detail, created_at
                from journal where record_type = :recordType and record_no = :recordNo
                order by id desc fetch first :limit rows only
                """, new MapSqlParameterSource("recordType", recordType).addValue("recordNo", recordNo)
                .addValue("limit", limit), (rs, i) -> new JournalEntry(rs.getLong("id"), rs.getString("record_type"),
                rs.getString("record_no"), rs.getString("decision"), rs.getString("origin"),
                rs.getString("causation_id"), rs.getString("fields_before"), rs.getString("fields_after"),
                rs.getString("detail"), rs.getObject("created_at", OffsetDateTime.class)));
    }

    /** How many entries with this decision were written for messages with this causation id. */
    public int count(String causationId, String decision) {
        Integer count = jdbc.queryForObject(
                "select count(*) from journal where causation_id = :causationId and decision = :decision",
                new MapSqlParameterSource("causationId", causationId).addValue("decision", decision), Integer.class);
        return count == null ? 0 : count;
    }
}
