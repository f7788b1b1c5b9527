package com.contactsynchub.linking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.link.LinkType;

/** The {@code pending_creation} table: which create command belongs to which link and request. */
@Repository
public class PendingCreations {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public PendingCreations(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(PendingCreation p) {
        jdbc.update("""
                insert into pending_creation (command_id, created_side, request_id, request_type, requested_contact,
                                              contact_no, link_type, record_no, state, created_at, last_sent_at)
                values (:commandId, :side, :requestId, :requestType, :requestedContact, :contactNo, :linkType,
                        :recordNo, :state, :createdAt, :createdAt)
                """, new MapSqlParameterSource("commandId", p.commandId())
                .addValue("side", p.createdSide().wireName())
                .addValue("requestId", p.requestId())
                .addValue("requestType", p.requestType())
                .addValue("requestedContact", p.requestedContact())
                .addValue("contactNo", p.contactNo())
                .addValue("linkType", p.linkType().wireName())
                .addValue("recordNo", p.recordNo())
                .addValue("state", p.state())
                .addValue("createdAt", OffsetDateTime.now(clock)));
    }

    public Optional<PendingCreation> find(String commandId) {
        return jdbc.query("""
                select command_id, created_side, request_id, request_type, requested_contact, contact_no, link_type,
                       record_no, state
                from pending_creation where command_id = :commandId
                """, new MapSqlParameterSource("commandId", commandId), (rs, i) -> new PendingCreation(
                rs.getString("command_id"), PendingCreation.Side.fromWireName(rs.getString("created_side")),
                rs.getString("request_id"), rs.getString("request_type"), rs.getString("requested_contact"),
                rs.getString("contact_no"), LinkType.fromWireName(rs.getString("link_type")).orElseThrow(),
                rs.getString("record_no"), rs.getString("state"))).stream().findFirst();
    }

    /** A pending creation's sending: how often its create command went out, and when last. */
    public record Sending(int attempts, OffsetDateTime lastSentAt) {
    }

    public Optional<Sending> sending(String commandId) {
        return jdbc.query("select attempts, last_sent_at from pending_creation where command_id = :commandId",
                new MapSqlParameterSource("commandId", commandId), (rs, i) -> new Sending(rs.getInt("attempts"),
                        rs.getObject("last_sent_at", OffsetDateTime.class))).stream().findFirst();
    }

    /** The commandIds of pending creations last sent before {@code sentBefore}, oldest first. */
    public java.util.List<String> waitingSince(OffsetDateTime sentBefore, int limit) {
        return jdbc.queryForList("""
                select command_id from pending_creation where state = 'pending' and last_sent_at < :before
                order by last_sent_at fetch first :limit rows only
                """, new MapSqlParameterSource("before", sentBefore).addValue("limit", limit), String.class);
    }

    /** Records that the create command was sent once more. */
    public void sentAgain(String commandId, int attempts) {
        jdbc.update("""
                update pending_creation set attempts = :attempts, last_sent_at = :at
                where command_id = :commandId and state = 'pending'
                """, new MapSqlParameterSource("commandId", commandId).addValue("attempts", attempts)
                .addValue("at", OffsetDateTime.now(clock)));
    }

    /** Marks the creation completed, rejected or expired; false when it was no longer pending. */
    public boolean finish(String commandId, String state, String reason) {
        return jdbc.update("""
                update pending_creation set state = :state, reason = :reason, finished_at = :at
                where command_id = :commandId and state = 'pending'
                """, new MapSqlParameterSource("commandId", commandId).addValue("state", state)
                .addValue("reason", reason).addValue("at", OffsetDateTime.now(clock))) > 0;
    }
}
