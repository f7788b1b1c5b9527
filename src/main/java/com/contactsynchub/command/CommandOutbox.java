package com.contactsynchub.command;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The transactional outbox: every command the hub decided, written in the same database transaction as the
 * decision, and marked unsent (table command_unsent) until the command relay has handed it to the broker. A command
 * is therefore sent if and only if its decision committed, whatever crashes in between; the relay sends in the
 * order the commands were stored ({@code seq}).
 */
@Repository
public class CommandOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NamedParameterJdbcTemplate jdbc;
    private final RelayTrigger trigger;

    public CommandOutbox(NamedParameterJdbcTemplate jdbc, RelayTrigger trigger) {
        this.jdbc = jdbc;
        this.trigger = trigger;
    }

    /** Stores the commands, unsent, in the caller's transaction; the relay is woken once it has committed. */
    public void saveAll(List<OutboundCommand> commands) {
        if (commands.isEmpty()) {
            return;
        }
        for (OutboundCommand command : commands) {
            KeyHolder key = new GeneratedKeyHolder();
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
                    .addValue("createdAt", OffsetDateTime.now(ZoneOffset.UTC)), key, new String[] {"seq"});
            jdbc.update("insert into command_unsent (seq) values (:seq)",
                    Map.of("seq", key.getKeyAs(Number.class).longValue()));
        }
        wakeRelayAfterCommit();
    }

    /**
     * Stores a command to be sent once more, unchanged (same body, same commandId: the receiving system recognises
     * it), in the caller's transaction. Its row, and so the broker's duplicate-detection id, is
     * {@code <commandId>/resend-<attempt>}: the broker would drop a copy under the first send's id, and a crash
     * before the commit leaves no row, after it one (this attempt is sent once).
     */
    public void resend(OutboundCommand command, int attempt) {
        saveAll(List.of(new OutboundCommand(command.commandId() + "/resend-" + attempt, command.causationId(),
                command.type(), command.channel(), command.groupId(), command.body())));
    }

    private void wakeRelayAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            trigger.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                trigger.wake();
            }
        });
    }

    /** The command as first stored, by its commandId. */
    public java.util.Optional<OutboundCommand> find(String commandId) {
        return jdbc.query("""
                select command_id, causation_id, type, channel, group_id, payload
                from outbound_command where command_id = :commandId
                """, new MapSqlParameterSource("commandId", commandId), (rs, i) -> new OutboundCommand(
                rs.getString("command_id"), rs.getString("causation_id"),
                MessageType.fromWireName(rs.getString("type")).orElseThrow(),
                Channel.valueOf(rs.getString("channel")), rs.getString("group_id"), read(rs.getString("payload"))))
                .stream().findFirst();
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

    /**
     * Takes the relay's lock row until the caller's transaction ends: one relay at a time sends, across hub
     * instances, so commands leave in the order they were stored.
     */
    void lockRelay() {
        jdbc.queryForList("select name from command_relay where name = 'relay' for update", Map.of());
    }

    /** The oldest unsent commands, in the order they were stored. */
    List<UnsentCommand> oldestUnsent(int limit) {
        return jdbc.query("""
                select c.seq, c.command_id, c.causation_id, c.type, c.channel, c.group_id, c.payload
                from command_unsent u join outbound_command c on c.seq = u.seq
                order by u.seq
                fetch first :limit rows only
                """, new MapSqlParameterSource("limit", limit), (rs, i) -> new UnsentCommand(rs.getLong("seq"),
                new OutboundCommand(rs.getString("command_id"), rs.getString("causation_id"),
                        MessageType.fromWireName(rs.getString("type")).orElseThrow(),
                        Channel.valueOf(rs.getString("channel")), rs.getString("group_id"),
                        read(rs.getString("payload")))));
    }

    /** Marks the commands sent (the broker has them); by their exact numbers, never by a range. */
    void markSent(List<UnsentCommand> sent) {
        if (sent.isEmpty()) {
            return;
        }
        jdbc.update("delete from command_unsent where seq in (:seqs)",
                Map.of("seqs", sent.stream().map(UnsentCommand::seq).toList()));
    }

    /** How many commands wait for the relay (all hub instances). */
    public long unsentCount() {
        Long count = jdbc.queryForObject("select count(*) from command_unsent", Map.of(), Long.class);
        return count == null ? 0 : count;
    }

    private static ObjectNode read(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbound_command.payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
