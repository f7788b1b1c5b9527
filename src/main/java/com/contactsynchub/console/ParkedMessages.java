package com.contactsynchub.console;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordNumbers;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.journal.Journal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The messages waiting for an operator on {@code hub.invalid} and {@code hub.dead-letter}: list, read, replay (back to
 * the queue they came from), edit and replay (refused ones, validated first), discard (kept in
 * {@code console_message_action}). Works over plain JMS, so also against a standalone broker.
 *
 * <p>Nothing is lost: a replay receives the message and sends its copy in one transacted JMS session (both or
 * neither); a discard or an edit first writes the message's body to the database and only then takes it off its
 * queue. A crash between the two leaves a row for a message still on the queue (shown again, harmless), never a
 * message gone without its row.
 */
@Service
public class ParkedMessages {

    /** At most this many messages are listed per queue (a browser walks the queue from its head). */
    public static final int LIST_LIMIT = 500;

    /** How much of each body a list keeps. */
    public static final int PREVIEW_CHARS = 400;

    private static final Pattern JMS_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,100}");
    private static final long RECEIVE_TIMEOUT_MS = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One message as the console shows it.
     *
     * @param kind        {@code text}, {@code bytes} or the JMS class of another kind
     * @param body        the text; a bytes message's content in Base64; in a list only its first
     *                    {@link #PREVIEW_CHARS} characters (a refused message may be megabytes long)
     * @param bodyLength  the whole body's length in characters (text, Base64)
     */
    public record ParkedMessage(String queue, String jmsId, String originalQueue, String reason, String failureClass,
            OffsetDateTime parkedAt, String kind, String body, long bodyLength, Map<String, String> properties) {

        public boolean isText() {
            return "text".equals(kind);
        }

        public String bodyPreview() {
            if (body == null) {
                return "(" + kind + ")";
            }
            String oneLine = body.replaceAll("\\s+", " ");
            return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
        }
    }

    /** The outcome of an edit-and-replay: sent, or still invalid with the validator's reason (nothing changed). */
    public record EditOutcome(boolean sent, String reason) {
    }

    public static class MessageGone extends RuntimeException {
        MessageGone(String queue, String jmsId) {
            super("Message " + jmsId + " is no longer on " + queue + " (replayed or discarded meanwhile?)");
        }
    }

    /** The broker refused an action or did not answer. */
    public static class BrokerRefused extends RuntimeException {
        BrokerRefused(JMSException e) {
            super("The broker refused: " + e.getMessage(), e);
        }
    }

    public static class NotReplayable extends RuntimeException {
        NotReplayable(String message) {
            super(message);
        }
    }

    private final ConnectionFactory connectionFactory;
    private final QueueNames queues;
    private final MessageValidator validator;
    private final NamedParameterJdbcTemplate jdbc;
    private final Journal journal;
    private final Clock clock;

    public ParkedMessages(ConnectionFactory connectionFactory, QueueNames queues, MessageValidator validator,
            NamedParameterJdbcTemplate jdbc, Journal journal, Clock clock) {
        this.connectionFactory = JmsConnections.unwrap(connectionFactory);
        this.queues = queues;
        this.validator = validator;
        this.jdbc = jdbc;
        this.journal = journal;
        this.clock = clock;
    }

    /** The operator's queues: hub.invalid and hub.dead-letter; anything else is refused. */
    public String operatorQueue(String name) {
        if (queues.invalid().equals(name) || queues.deadLetter().equals(name)) {
            return name;
        }
        throw new IllegalArgumentException("queue must be " + queues.invalid() + " or " + queues.deadLetter());
    }

    public List<ParkedMessage> list(String queue) {
        operatorQueue(queue);
        return withSession(false, session -> {
            List<ParkedMessage> found = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && found.size() < LIST_LIMIT) {
                    found.add(describe(queue, (Message) messages.nextElement(), true));
                }
            }
            return found;
        });
    }

    public Optional<ParkedMessage> find(String queue, String jmsId) {
        operatorQueue(queue);
        String selector = selector(jmsId);
        return withSession(false, session -> {
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
                Enumeration<?> messages = browser.getEnumeration();
                return messages.hasMoreElements() ? Optional.of(describe(queue, (Message) messages.nextElement(), false))
                        : Optional.<ParkedMessage>empty();
            }
        });
    }

    /** Back to the queue it came from, unchanged; off this queue in the same JMS transaction. */
    public String replay(String queue, String jmsId, String operator) {
        operatorQueue(queue);
        String[] target = withSession(true, session -> {
            Message message = take(session, queue, jmsId);
            String original = replayTarget(message);
            send(session, original, copy(session, message, null));
            session.commit();
            return new String[] {original, message instanceof TextMessage text ? text.getText() : null};
        });
        log("replayed", queue, jmsId, target[0], null, null, null, null, operator);
        journalAbout(target[1], "message-replayed", jmsId, "replayed from " + queue + " to " + target[0] + " by "
                + operator);
        return target[0];
    }

    /** Replays every listed message of the queue whose original queue matches (null: all); returns how many. */
    public int replayAll(String queue, String originalQueue, String operator) {
        Predicate<ParkedMessage> matches = m -> originalQueue == null || originalQueue.isBlank()
                || originalQueue.equals(m.originalQueue());
        int replayed = 0;
        for (ParkedMessage message : list(queue)) {
            if (matches.test(message) && isHubQueue(message.originalQueue())) {
                try {
                    replay(queue, message.jmsId(), operator);
                    replayed++;
                } catch (MessageGone gone) {
                    // Taken by another operator meanwhile: nothing to do for this one.
                }
            }
        }
        return replayed;
    }

    /**
     * A refused message corrected by the operator: the new text is checked as the intake would check it on the
     * original queue; only a valid text is sent (and the refused original kept in the database).
     */
    public EditOutcome editAndReplay(String jmsId, String editedBody, String operator) {
        String queue = queues.invalid();
        ParkedMessage before = find(queue, jmsId).orElseThrow(() -> new MessageGone(queue, jmsId));
        String original = before.originalQueue();
        Channel channel = channelOf(original).orElseThrow(() -> new NotReplayable(
                "The original queue of this message is unknown ('" + original + "'): it cannot be replayed"));
        if (validator.validate(editedBody, channel) instanceof Validation.Invalid invalid) {
            return new EditOutcome(false, invalid.reason());
        }
        long row = log("edited-replayed", queue, jmsId, original, before.reason(), before.body(), editedBody,
                before.properties(), operator);
        AtomicBoolean committing = new AtomicBoolean();
        try {
            withSession(true, session -> {
                Message message = take(session, queue, jmsId);
                send(session, original, copy(session, message, editedBody));
                committing.set(true);
                session.commit();
                return null;
            });
        } catch (RuntimeException e) {
            forgetUnlessCommitting(row, committing);
            throw e;
        }
        journalAbout(editedBody, "message-corrected", jmsId, "refused (" + before.reason() + "), corrected and "
                + "replayed to " + original + " by " + operator + "; the original is kept (console_message_action "
                + row + ")");
        return new EditOutcome(true, null);
    }

    /** Off the queue for good; the body, properties and reason are kept in console_message_action. */
    public void discard(String queue, String jmsId, String reason, String operator) {
        operatorQueue(queue);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: say why the message is discarded");
        }
        ParkedMessage message = find(queue, jmsId).orElseThrow(() -> new MessageGone(queue, jmsId));
        long row = log("discarded", queue, jmsId, message.originalQueue(), reason.strip(), message.body(), null,
                message.properties(), operator);
        AtomicBoolean committing = new AtomicBoolean();
        try {
            withSession(true, session -> {
                take(session, queue, jmsId);
                committing.set(true);
                session.commit();
                return null;
            });
        } catch (RuntimeException e) {
            forgetUnlessCommitting(row, committing);
            throw e;
        }
        journalAbout(message.body(), "message-discarded", jmsId, "discarded from " + queue + " by " + operator + ": "
                + reason.strip() + " (kept as console_message_action " + row + ")");
    }

    /**
     * A journal entry on the record the message is about, so that its history shows what an operator did with it;
     * nothing for a message too broken to name its record (the action's row keeps it all the same).
     */
    private void journalAbout(String body, String decision, String jmsId, String detail) {
        if (body == null) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(body);
            Optional<RecordType> type = MessageType.fromWireName(root.path("type").asText())
                    .flatMap(MessageType::recordType);
            if (type.isEmpty()) {
                return;
            }
            String recordNo = root.path(type.get().keyField()).asText(null);
            if (recordNo == null || RecordNumbers.problem("recordNo", recordNo).isPresent()) {
                return;
            }
            String messageId = root.path("messageId").asText("");
            String causation = messageId.isEmpty() || messageId.length() > 100 ? jmsId : messageId;
            journal.write(type.get().wireName(), recordNo, decision, "admin", causation, null, null, detail);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Not JSON: no record to journal it on.
        }
    }

    /** What operators did, newest first. */
    public List<Map<String, Object>> actions(int limit) {
        return jdbc.queryForList("""
                select id, action, queue, jms_message_id, original_queue, reason, operator, created_at
                from console_message_action order by id desc fetch first :limit rows only
                """, new MapSqlParameterSource("limit", limit));
    }

    public Optional<Channel> channelOf(String queue) {
        if (queue == null) {
            return Optional.empty();
        }
        for (Channel channel : Channel.values()) {
            if (channel.queueName(queues).equals(queue)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    private boolean isHubQueue(String queue) {
        return channelOf(queue).isPresent();
    }

    private String replayTarget(Message message) throws JMSException {
        String original = originalQueue(message);
        if (!isHubQueue(original)) {
            throw new NotReplayable("The original queue of this message is unknown ('" + original
                    + "'): it is replayed only to one of the hub's four queues");
        }
        return original;
    }

    private Message take(Session session, String queue, String jmsId) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector(jmsId))) {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
            if (message == null) {
                throw new MessageGone(queue, jmsId);
            }
            return message;
        }
    }

    private static void send(Session session, String queue, Message message) throws JMSException {
        Queue destination = session.createQueue(queue);
        session.createProducer(destination).send(message);
    }

    /**
     * The message as its producer sent it: body (or the edited text) and the producer's properties with the
     * message group; not the hub's reason properties nor the broker's own (its duplicate id would make the broker
     * drop a replayed command as already seen).
     */
    private static Message copy(Session session, Message message, String editedBody) throws JMSException {
        Message copy;
        if (editedBody != null) {
            copy = session.createTextMessage(editedBody);
        } else if (message instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (message instanceof BytesMessage bytes) {
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            BytesMessage out = session.createBytesMessage();
            out.writeBytes(content);
            copy = out;
        } else {
            throw new NotReplayable("Only text and bytes messages are replayed; this one is "
                    + message.getClass().getSimpleName());
        }
        for (String name : propertyNames(message)) {
            if (!name.startsWith("hub") && !name.startsWith("_AMQ") && !name.startsWith("JMSX")) {
                copy.setObjectProperty(name, message.getObjectProperty(name));
            }
        }
        String group = message.getStringProperty(HubHeaders.GROUP_ID);
        if (group != null) {
            copy.setStringProperty(HubHeaders.GROUP_ID, group);
        }
        return copy;
    }

    private ParkedMessage describe(String queue, Message message, boolean preview) throws JMSException {
        String kind;
        String body;
        if (message instanceof TextMessage text) {
            kind = "text";
            body = text.getText();
        } else if (message instanceof BytesMessage bytes) {
            // Shown (and kept when discarded) as Base64: the bytes were not text, which is why it was refused.
            kind = "bytes";
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            body = Base64.getEncoder().encodeToString(content);
        } else {
            kind = message.getClass().getSimpleName();
            body = null;
        }
        long length = body == null ? 0 : body.length();
        if (preview && body != null && body.length() > PREVIEW_CHARS) {
            body = body.substring(0, PREVIEW_CHARS);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : propertyNames(message)) {
            properties.put(name, String.valueOf(message.getObjectProperty(name)));
        }
        boolean invalid = queue.equals(queues.invalid());
        String reason = invalid ? message.getStringProperty(HubHeaders.INVALID_REASON)
                : message.getStringProperty(HubHeaders.FAILURE_MESSAGE);
        String at = message.getStringProperty(invalid ? HubHeaders.INVALID_AT : HubHeaders.FAILED_AT);
        OffsetDateTime parkedAt = at != null ? parse(at)
                : OffsetDateTime.ofInstant(Instant.ofEpochMilli(message.getJMSTimestamp()), ZoneOffset.UTC);
        return new ParkedMessage(queue, message.getJMSMessageID(), originalQueue(message),
                reason == null && !invalid ? "(moved here by the broker: no reason given)" : reason,
                message.getStringProperty(HubHeaders.FAILURE_CLASS), parkedAt, kind, body, length, properties);
    }

    private static OffsetDateTime parse(String at) {
        try {
            return OffsetDateTime.parse(at);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String originalQueue(Message message) throws JMSException {
        for (String name : List.of(HubHeaders.ORIGINAL_QUEUE, HubHeaders.ARTEMIS_ORIGINAL_QUEUE,
                HubHeaders.ARTEMIS_ORIGINAL_ADDRESS)) {
            if (message.propertyExists(name)) {
                return message.getStringProperty(name);
            }
        }
        return null;
    }

    private static List<String> propertyNames(Message message) throws JMSException {
        List<String> names = new ArrayList<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            names.add(String.valueOf(name));
        }
        Collections.sort(names);
        return names;
    }

    private long log(String action, String queue, String jmsId, String originalQueue, String reason, String body,
            String editedBody, Map<String, String> properties, String operator) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update("""
                insert into console_message_action (action, queue, jms_message_id, original_queue, reason, body,
                    edited_body, properties, operator, created_at)
                values (:action, :queue, :jmsId, :originalQueue, :reason, :body, :editedBody, :properties, :operator,
                    :createdAt)
                """, new MapSqlParameterSource("action", action).addValue("queue", queue).addValue("jmsId", jmsId)
                .addValue("originalQueue", originalQueue).addValue("reason", trim(reason, 2000))
                .addValue("body", body).addValue("editedBody", editedBody)
                .addValue("properties", properties == null ? null : json(properties))
                .addValue("operator", trim(operator, 100)).addValue("createdAt", OffsetDateTime.now(clock)),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    /**
     * The row of an action that failed before its JMS transaction was committed: the message is still on its queue,
     * so the row would say something that did not happen. Once the commit was asked for, the row stays whatever the
     * outcome (a commit that fails may still have taken the message): a row too many is harmless, a message gone
     * without its row is not.
     */
    private void forgetUnlessCommitting(long row, AtomicBoolean committing) {
        if (!committing.get()) {
            jdbc.update("delete from console_message_action where id = :id", new MapSqlParameterSource("id", row));
        }
    }

    private static String trim(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String json(Map<String, String> properties) {
        try {
            return JSON.writeValueAsString(properties);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String selector(String jmsId) {
        if (jmsId == null || !JMS_ID.matcher(jmsId).matches()) {
            throw new IllegalArgumentException("not a JMS message id: " + jmsId);
        }
        return "JMSMessageID = '" + jmsId + "'";
    }

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(Session session) throws JMSException;
    }

    /** A connection of its own for each action (see {@link JmsConnections#unwrap}). */
    private <T> T withSession(boolean transacted, SessionWork<T> work) {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(transacted,
                    transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
            try {
                return work.run(session);
            } catch (RuntimeException | JMSException e) {
                if (transacted) {
                    session.rollback();
                }
                throw e;
            }
        } catch (JMSException e) {
            throw new BrokerRefused(e);
        }
    }
}
