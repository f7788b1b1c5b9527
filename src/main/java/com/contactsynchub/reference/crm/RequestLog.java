package com.contactsynchub.reference.crm;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The user requests the contact system sent to the hub, and the hub's answers to them. */
@Repository
@Profile("demo")
class RequestLog {

    record SentRequest(String messageId, String type, String contactNo, String payload, OffsetDateTime sentAt) {
    }

    record Answer(String messageId, String requestId, String type, String reason, String payload,
            OffsetDateTime receivedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    RequestLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void sent(String messageId, String type, String contactNo, String payload, Instant at) {
        jdbc.update("""
                insert into ref_crm_request (message_id, type, contact_no, payload, sent_at)
                values (:messageId, :type, :contactNo, :payload, :at)
                """, new MapSqlParameterSource("messageId", messageId)
                .addValue("type", type)
                .addValue("contactNo", contactNo)
                .addValue("payload", payload)
                .addValue("at", Timestamp.from(at)));
    }

    void answered(String messageId, String requestId, String type, String reason, String payload, Instant at) {
        jdbc.update("""
                insert into ref_crm_request_answer (message_id, request_id, type, reason, payload, received_at)
                values (:messageId, :requestId, :type, :reason, :payload, :at)
                """, new MapSqlParameterSource("messageId", messageId)
                .addValue("requestId", requestId)
                .addValue("type", type)
                .addValue("reason", reason)
                .addValue("payload", payload)
                .addValue("at", Timestamp.from(at)));
    }

    Optional<SentRequest> request(String messageId) {
        return jdbc.query("select message_id, type, contact_no, payload, sent_at from ref_crm_request"
                + " where message_id = :messageId", new MapSqlParameterSource("messageId", messageId),
                (rs, i) -> new SentRequest(rs.getString("message_id"), rs.getString("type"),
                        rs.getString("contact_no"), rs.getString("payload"),
                        rs.getObject("sent_at", OffsetDateTime.class)))
                .stream().findFirst();
    }

    /** The answers to one request, oldest first (normally one). */
    List<Answer> answers(String requestId) {
        return jdbc.query("""
                select message_id, request_id, type, reason, payload, received_at from ref_crm_request_answer
                where request_id = :requestId order by received_at, message_id
                """, new MapSqlParameterSource("requestId", requestId), (rs, i) -> new Answer(
                rs.getString("message_id"), rs.getString("request_id"), rs.getString("type"),
                rs.getString("reason"), rs.getString("payload"), rs.getObject("received_at", OffsetDateTime.class)));
    }
}
