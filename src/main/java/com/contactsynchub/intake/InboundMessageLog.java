package com.contactsynchub.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.RecordType;

/**
 * The record of every valid inbound message. Its primary key is the message id, so recording a message twice
 * fails in the database itself, also when two hub instances receive the same message at the same time.
 */
@Repository
public class InboundMessageLog {

    private final NamedParameterJdbcTemplate jdbc;

    public InboundMessageLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the message; must be the first statement of the transaction that applies it (on PostgreSQL a
     * failed statement aborts the transaction).
     *
     * @throws DuplicateKeyException when a message with this id was recorded before
     */
    public void record(InboundMessage message, String queue, Instant receivedAt) {
        jdbc.update("""
                insert into inbound_message
                    (message_id, type, source, queue, record_type, record_no, version, occurred_at, received_at, payload)
                values
                    (:messageId, :type, :source, :queue, :recordType, :recordNo, :version, :occurredAt, :receivedAt, :payload)
                """, new MapSqlParameterSource()
                .addValue("messageId", message.messageId())
                .addValue("type", message.type().wireName())
                .addValue("source", message.source())
                .addValue("queue", queue)
                .addValue("recordType", message.recordType().map(RecordType::wireName).orElse(null))
                .addValue("recordNo", message.recordNo())
                .addValue("version", message.version())
                .addValue("occurredAt", message.occurredAt())
                .addValue("receivedAt", Timestamp.from(receivedAt))
                .addValue("payload", message.raw()));
    }

    public boolean contains(String messageId) {
        Integer count = jdbc.queryForObject("select count(*) from inbound_message where message_id = :messageId",
                new MapSqlParameterSource("messageId", messageId), Integer.class);
        return count != null && count > 0;
    }

    /** The newest messages first, optionally only those about one record. */
    public List<ReceivedMessage> newest(RecordType recordType, String recordNo, int limit) {
        var params = new MapSqlParameterSource("limit", limit)
                .addValue("recordType", recordType == null ? null : recordType.wireName())
                .addValue("recordNo", recordNo);
        return jdbc.query("""
                select message_id, type, source, queue, record_type, record_no, version, occurred_at, received_at, payload
                from inbound_message
                where (cast(:recordType as varchar(20)) is null or record_type = :recordType)
                  and (cast(:recordNo as varchar(20)) is null or record_no = :recordNo)
                order by received_at desc, message_id desc
                fetch first :limit rows only
                """, params, (rs, i) -> new ReceivedMessage(
                rs.getString("message_id"), rs.getString("type"), rs.getString("source"), rs.getString("queue"),
                rs.getString("record_type"), rs.getString("record_no"),
                (Long) rs.getObject("version", Long.class),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("payload")));
    }

    public record ReceivedMessage(String messageId, String type, String source, String queue, String recordType,
            String recordNo, Long version, OffsetDateTime occurredAt, OffsetDateTime receivedAt, String payload) {
    }
}
