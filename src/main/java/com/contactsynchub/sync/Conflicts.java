package com.contactsynchub.sync;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.RecordType;

/** Every conflict the hub met: resolved by policy, or parked for an operator. */
@Repository
public class Conflicts {

    /** A stored conflict as the API shows it. */
    public record StoredConflict(long id, String contactNo, String field, String editedOn, String editedValue,
            OffsetDateTime editedAt, String otherOrigin, String otherValue, OffsetDateTime otherAt, String policy,
            String status, String resolvedValue, String resolvedBy, String causationId, OffsetDateTime createdAt,
            OffsetDateTime resolvedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public Conflicts(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String contactNo, SyncOutcome.Conflict conflict, String agreedAfter, String causationId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("""
                insert into sync_conflict (contact_no, field, edited_type, edited_no, edited_value, edited_at,
                    other_type, other_no, other_value, other_at, policy, status, resolved_value, resolved_by,
                    causation_id, created_at, resolved_at)
                values (:contactNo, :field, :editedType, :editedNo, :editedValue, :editedAt, :otherType, :otherNo,
                    :otherValue, :otherAt, :policy, :status, :resolvedValue, :resolvedBy, :causationId, :createdAt,
                    :resolvedAt)
                """, new MapSqlParameterSource()
                .addValue("contactNo", contactNo)
                .addValue("field", conflict.field().fieldName())
                .addValue("editedType", conflict.editedOn().type().wireName())
                .addValue("editedNo", conflict.editedOn().no())
                .addValue("editedValue", conflict.editedValue())
                .addValue("editedAt", conflict.editedAt())
                .addValue("otherType", conflict.otherOrigin() == null ? null : conflict.otherOrigin().type().wireName())
                .addValue("otherNo", conflict.otherOrigin() == null ? null : conflict.otherOrigin().no())
                .addValue("otherValue", conflict.otherValue())
                .addValue("otherAt", conflict.otherAt())
                .addValue("policy", conflict.policy())
                .addValue("status", conflict.parked() ? "parked" : "resolved")
                .addValue("resolvedValue", conflict.parked() ? null : agreedAfter)
                .addValue("resolvedBy", conflict.parked() ? null : "policy " + conflict.policy())
                .addValue("causationId", causationId)
                .addValue("createdAt", now)
                .addValue("resolvedAt", conflict.parked() ? null : now));
    }

    public List<StoredConflict> list(String status, int limit) {
        return jdbc.query(SELECT + """
                where (cast(:status as varchar(10)) is null or status = :status)
                order by id desc fetch first :limit rows only
                """, new MapSqlParameterSource("status", status).addValue("limit", limit), Conflicts::map);
    }

    public Optional<StoredConflict> find(long id) {
        return jdbc.query(SELECT + " where id = :id", new MapSqlParameterSource("id", id), Conflicts::map)
                .stream().findFirst();
    }

    /** Marks a parked conflict resolved; false when it was not parked (any more). */
    public boolean resolve(long id, String value, String by) {
        return jdbc.update("""
                update sync_conflict set status = 'resolved', resolved_value = :value, resolved_by = :by,
                    resolved_at = :at
                where id = :id and status = 'parked'
                """, new MapSqlParameterSource("id", id).addValue("value", value).addValue("by", by)
                .addValue("at", OffsetDateTime.now(clock))) == 1;
    }

    public static CommonField field(StoredConflict conflict) {
        return CommonField.fromFieldName(conflict.field()).orElseThrow();
    }

    public static RecordRef ref(String typeAndNo) {
        int colon = typeAndNo.indexOf(':');
        return new RecordRef(RecordType.fromWireName(typeAndNo.substring(0, colon)).orElseThrow(),
                typeAndNo.substring(colon + 1));
    }

    private static final String SELECT = """
            select id, contact_no, field, edited_type, edited_no, edited_value, edited_at, other_type, other_no,
                   other_value, other_at, policy, status, resolved_value, resolved_by, causation_id, created_at,
                   resolved_at
            from sync_conflict
            """;

    private static StoredConflict map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String otherType = rs.getString("other_type");
        return new StoredConflict(rs.getLong("id"), rs.getString("contact_no"), rs.getString("field"),
                rs.getString("edited_type") + ":" + rs.getString("edited_no"), rs.getString("edited_value"),
                rs.getObject("edited_at", OffsetDateTime.class),
                otherType == null ? null : otherType + ":" + rs.getString("other_no"), rs.getString("other_value"),
                rs.getObject("other_at", OffsetDateTime.class), rs.getString("policy"), rs.getString("status"),
                rs.getString("resolved_value"), rs.getString("resolved_by"), rs.getString("causation_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("resolved_at", OffsetDateTime.class));
    }
}
