package com.contactsynchub.crash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One outside system (the contact system or the finance system) as the hub sees it over the broker: it holds its
 * records, publishes the whole record with the next version after every change (users' edits and the hub's
 * commands alike, so a command comes back as an echo), treats commandId as its idempotency key and answers every
 * command with {@code command.acknowledged}, as the reference systems (reference/CommandDesk) do.
 */
final class SimulatedSystem implements CommandConsumer.Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ID = 100;

    private final Side side;
    private final String runTag;
    private final SimClock clock;
    private final EventOutbox outbox = new EventOutbox();
    private final CommandLog commands = new CommandLog();
    private final Map<String, SimRecord> records = new ConcurrentHashMap<>();
    /** Answers to requests ({@code request.completed} / {@code request.rejected}) by requestId. */
    private final Map<String, JsonNode> answers = new ConcurrentHashMap<>();
    private final List<String> unexpected = new ArrayList<>();
    private final AtomicLong messageSeq = new AtomicLong();
    private final AtomicLong userEdits = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();

    SimulatedSystem(Side side, String runTag, SimClock clock) {
        this.side = side;
        this.runTag = runTag;
        this.clock = clock;
    }

    Side side() {
        return side;
    }

    EventOutbox outbox() {
        return outbox;
    }

    CommandLog commands() {
        return commands;
    }

    Map<String, JsonNode> answers() {
        return answers;
    }

    List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    long userEdits() {
        return userEdits.get();
    }

    long echoes() {
        return echoes.get();
    }

    /** The record is created in this system and announced with {@code <kind>.created}, version 1; returns its time. */
    long create(SimRecord record) {
        records.put(key(record.kind(), record.no()), record);
        synchronized (record) {
            return publishRecord(record, record.kind().createdType());
        }
    }

    /** A user changes fields of a record; returns the edit's occurredAt (epoch millis). */
    long userEdit(SimRecord record, Map<String, String> changes, String cause) {
        synchronized (record) {
            record.fields().putAll(changes);
            userEdits.incrementAndGet();
            long occurredAt = publishRecord(record, record.kind().changedType());
            record.noteChange(occurredAt, cause, changes);
            return occurredAt;
        }
    }

    /** A user of the contact system asks to link a contact with a finance record (docs/linking.md). */
    String requestLink(SimRecord contact, String linkType, String recordNo, String master) {
        ObjectNode message = envelope("link.requested", clock.tick(), null);
        message.put("contactNo", contact.no());
        message.put("linkType", linkType);
        message.put("recordNo", recordNo);
        message.put("master", master);
        queue(message, RecordKind.CONTACT.groupId(contact.no()));
        return message.get("messageId").asText();
    }

    @Override
    public String onCommand(String text, String jmsMessageId) {
        try {
            return handle(text, jmsMessageId);
        } catch (RuntimeException bug) {
            // Consumed anyway: a command the simulator cannot use must not loop on the queue.
            note("could not handle " + jmsMessageId + ": " + bug + " - " + abbreviate(text));
            return null;
        }
    }

    @Override
    public void committed(List<String> commandIds) {
        commands.committed(commandIds.stream().filter(java.util.Objects::nonNull).toList());
    }

    private String handle(String text, String jmsMessageId) {
        if (text == null) {
            note("a command that is not a text message: " + jmsMessageId);
            return null;
        }
        JsonNode command = read(text);
        String commandId = command.path("commandId").asText(null);
        String type = command.path("type").asText("?");
        if (commandId == null || commandId.isBlank()) {
            note("a command without commandId: " + abbreviate(text));
            return null;
        }
        if (!commands.arrived(commandId, type, text)) {
            // Seen before (the hub re-sent it, or our commit was lost with the broker): not applied again.
            acknowledge(command, "applied", null);
            return commandId;
        }
        apply(command, commandId, type, text);
        return commandId;
    }

    private void apply(JsonNode command, String commandId, String type, String text) {
        var updated = RecordKind.ofUpdate(type);
        if (updated.isPresent()) {
            RecordKind kind = updated.get();
            SimRecord record = records.get(key(kind, command.path(kind.keyField()).asText()));
            if (record == null) {
                note(type + " " + commandId + " for a record this system does not have: " + abbreviate(text));
                acknowledge(command, "rejected", "no such " + kind.wireName());
                return;
            }
            applyUpdate(record, command.path("fields"), "command " + commandId.substring(0, Math.min(8, commandId.length()))
                    + " (cause " + command.path("causationId").asText() + ")");
            acknowledge(command, "applied", null);
        } else if (type.equals("request.completed") || type.equals("request.rejected")) {
            answers.put(command.path("requestId").asText(), command);
            acknowledge(command, "applied", null);
        } else {
            note("unexpected command " + type + " " + commandId + ": " + abbreviate(text));
            acknowledge(command, "rejected", type + " is not expected by the crash test's systems");
        }
    }

    /** The hub's write: the given fields take the given values; the whole record is published (the echo). */
    private void applyUpdate(SimRecord record, JsonNode fields, String cause) {
        synchronized (record) {
            Map<String, String> changes = new java.util.LinkedHashMap<>();
            fields.fields().forEachRemaining(f -> changes.put(f.getKey(),
                    f.getValue().isNull() ? null : f.getValue().asText()));
            record.fields().putAll(changes);
            echoes.incrementAndGet();
            long occurredAt = publishRecord(record, record.kind().changedType());
            record.noteChange(occurredAt, cause, changes);
        }
    }

    /** Caller holds the record's monitor. Returns the event's occurredAt. */
    private long publishRecord(SimRecord record, String type) {
        long occurredAt = clock.tick();
        ObjectNode message = envelope(type, occurredAt, record.nextVersion());
        message.put(record.kind().keyField(), record.no());
        if (record.kind() != RecordKind.VENDOR) {
            message.put("contactType", "company");
        }
        if (record.kind() == RecordKind.CONTACT) {
            message.put("privacyBlocked", false);
        }
        ObjectNode fields = message.putObject("fields");
        record.fields().forEach(fields::put);
        queue(message, record.kind().groupId(record.no()));
        return occurredAt;
    }

    /**
     * {@code command.acknowledged}, with a messageId derived from the commandId: acknowledging a repeated command
     * again gives the same message, which the broker's duplicate detection and the hub drop.
     */
    private void acknowledge(JsonNode command, String status, String reason) {
        String commandId = command.path("commandId").asText();
        ObjectNode message = JSON.createObjectNode();
        message.put("messageId", ackId(commandId));
        message.put("type", "command.acknowledged");
        message.put("occurredAt", SimClock.iso(clock.tick()));
        message.put("source", side.source());
        message.put("commandId", commandId);
        message.put("status", status);
        if (reason != null) {
            message.put("reason", reason);
        }
        String groupId = null;
        var kind = RecordKind.ofUpdate(command.path("type").asText());
        if (kind.isPresent()) {
            String no = command.path(kind.get().keyField()).asText();
            message.put("recordNo", no);
            groupId = kind.get().groupId(no);
        } else if (command.hasNonNull("contactNo")) {
            groupId = RecordKind.CONTACT.groupId(command.path("contactNo").asText());
        }
        queue(message, groupId);
    }

    private ObjectNode envelope(String type, long occurredAt, Long version) {
        ObjectNode message = JSON.createObjectNode();
        message.put("messageId", runTag + "-" + side.source() + "-" + messageSeq.incrementAndGet());
        message.put("type", type);
        message.put("occurredAt", SimClock.iso(occurredAt));
        message.put("source", side.source());
        if (version != null) {
            message.put("version", version);
        }
        return message;
    }

    private void queue(ObjectNode message, String groupId) {
        outbox.add(new EventOutbox.Outgoing(message.get("messageId").asText(), groupId, message.toString()));
    }

    private String ackId(String commandId) {
        String id = "ack-" + side.source() + "-" + commandId;
        return id.length() <= MAX_ID ? id
                : "ack-" + side.source() + "-" + UUID.nameUUIDFromBytes(commandId.getBytes(StandardCharsets.UTF_8));
    }

    private void note(String problem) {
        synchronized (unexpected) {
            unexpected.add(side.source() + ": " + problem);
        }
    }

    private static String key(RecordKind kind, String no) {
        return kind.wireName() + ":" + no;
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(text), e);
        }
    }

    static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
