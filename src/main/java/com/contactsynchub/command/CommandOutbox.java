package com.contactsynchub.command;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every command the hub decided to send, written in the same database transaction as the decision. When the
 * broker redelivers an event whose effects were already committed (the hub stopped before the JMS commit), the
 * commands are read back from here and sent again, identical, instead of being decided anew.
 */
@Repository
public class CommandOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;

    public CommandOutbox(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(OutboundCommand command) {
        jdbc.update("""
                insert into outbound_command (command_id, causation_id, type, channel, group_id, payload, created_at)
                values (:commandId, :causationId, :type, :channel, :groupId, :payload, :createdAt)
                """, new MapSqlParameterSource()
                .addValue("commandId", command.commandId())
                .addValue("causationId", command.causationId())
                .addValue("type", command.type().wireName())
                .addValue("channel", command.channel().name())
                .addValue("groupId", command.groupId())
                .addValue("payload", command.body().toString())
                .addValue("createdAt", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The commands caused by one message, in the order they were decided. */
    public List<OutboundCommand> causedBy(String causationId) {
        return jdbc.query("""
                select command_id, causation_id, type, channel, group_id, payload
                from outbound_command where causation_id = :causationId order by seq
                """, new MapSqlParameterSource("causationId", causationId), (rs, i) -> new OutboundCommand(
                rs.getString("command_id"), rs.getString("causation_id"),
                MessageType.fromWireName(rs.getString("type")).orElseThrow(),
                Channel.valueOf(rs.getString("channel")), rs.getString("group_id"), read(rs.getString("payload"))));
    }

    private static ObjectNode read(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbound_command.payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
