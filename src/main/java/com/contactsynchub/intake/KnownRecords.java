package com.contactsynchub.intake;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.contract.RecordType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the hub knows of each contact, customer, vendor and bank account: the latest state it received. */
@Repository
public class KnownRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;

    public KnownRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<KnownRecord> find(RecordType type, String no) {
        List<KnownRecord> found = jdbc.query("""
                select record_type, record_no, contact_type, company_no, privacy_blocked, deleted, version,
                       occurred_at, fields
                from known_record where record_type = :type and record_no = :no
                """, new MapSqlParameterSource("type", type.wireName()).addValue("no", no), (rs, i) -> new KnownRecord(
                type, rs.getString("record_no"), rs.getString("contact_type"), rs.getString("company_no"),
                rs.getBoolean("privacy_blocked"), rs.getBoolean("deleted"), (Long) rs.getObject("version", Long.class),
                rs.getObject("occurred_at", OffsetDateTime.class), readFields(rs.getString("fields"))));
        return found.stream().findFirst();
    }

    /** Inserts or replaces the record's row; the caller merges fields (see {@link RecordStateMerger}). */
    public void save(KnownRecord record) {
        var params = new MapSqlParameterSource()
                .addValue("type", record.type().wireName())
                .addValue("no", record.no())
                .addValue("contactType", record.contactType())
                .addValue("companyNo", record.companyNo())
                .addValue("privacyBlocked", record.privacyBlocked())
                .addValue("deleted", record.deleted())
                .addValue("version", record.version())
                .addValue("occurredAt", record.occurredAt())
                .addValue("fields", record.fields().toString())
                .addValue("updatedAt", OffsetDateTime.now(ZoneOffset.UTC));
        int updated = jdbc.update("""
                update known_record
                set contact_type = :contactType, company_no = :companyNo, privacy_blocked = :privacyBlocked,
                    deleted = :deleted, version = :version, occurred_at = :occurredAt, fields = :fields,
                    updated_at = :updatedAt
                where record_type = :type and record_no = :no
                """, params);
        if (updated == 0) {
            jdbc.update("""
                    insert into known_record (record_type, record_no, contact_type, company_no, privacy_blocked,
                                              deleted, version, occurred_at, fields, updated_at)
                    values (:type, :no, :contactType, :companyNo, :privacyBlocked, :deleted, :version, :occurredAt,
                            :fields, :updatedAt)
                    """, params);
        }
    }

    /**
     * Corrects what the hub knows of a record's fields after a write of the hub that the system confirmed without
     * publishing the record (docs/sync.md, Systems that do not echo); the version and time stay those of the last
     * event, so the next event is judged against them as before. A record the hub has never received is left
     * alone: its first event brings its values.
     */
    public void mergeWrittenFields(RecordType type, String no, java.util.Map<String, String> fields) {
        Optional<KnownRecord> known = find(type, no);
        if (known.isEmpty()) {
            return;
        }
        KnownRecord record = known.get();
        ObjectNode merged = record.fields().deepCopy();
        fields.forEach(merged::put);
        save(new KnownRecord(type, no, record.contactType(), record.companyNo(), record.privacyBlocked(),
                record.deleted(), record.version(), record.occurredAt(), merged));
    }

    private static ObjectNode readFields(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("known_record.fields is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
