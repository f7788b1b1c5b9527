package com.contactsynchub.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds commands with an id derived from their cause: the same event, command type and target always give the
 * same {@code commandId}. After a crash the hub may send a command again; the receiving system and the broker's
 * duplicate detection recognise it as the same command instead of a second, different one.
 */
public class CommandFactory {

    private final Clock clock;

    public CommandFactory(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param target    the target record as {@code <recordType>:<no>}, e.g. {@code contact:CT000001}
     * @param recordKey the body field naming the target (e.g. {@code contactNo}), or null for answers to requests
     * @param payload   the type's fields (besides the envelope), copied into the command
     */
    public OutboundCommand create(String causationId, MessageType type, String target, String recordKey,
            String recordNo, ObjectNode payload) {
        Channel channel = type.channels().iterator().next();
        if (channel != Channel.CRM_COMMANDS && channel != Channel.ERP_COMMANDS) {
            throw new IllegalArgumentException(type.wireName() + " is not a command");
        }
        String commandId = commandId(causationId, type, target);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("messageId", commandId);
        body.put("type", type.wireName());
        body.put("occurredAt", clock.instant().toString()); // always with seconds, as RFC 3339 wants
        body.put("source", "hub");
        body.put("commandId", commandId);
        body.put("causationId", causationId);
        if (recordKey != null) {
            body.put(recordKey, recordNo);
        }
        body.setAll(payload);
        return new OutboundCommand(commandId, causationId, type, channel, target, body);
    }

    /** A name-based (version 3) UUID of the cause, the command type and the target. */
    public static String commandId(String causationId, MessageType type, String target) {
        String name = causationId + "|" + type.wireName() + "|" + target;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
