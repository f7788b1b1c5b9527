package com.contactsynchub.reference;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How both reference systems put a message on their event queue: the envelope of docs/messages.md (messageId,
 * type, occurredAt, source, version) followed by the message's data, as a JSON TextMessage with
 * {@code JMSXGroupID} set to the record ({@code contact:CT000001}).
 *
 * <p>Its JmsTemplate uses transacted sessions, so a send joins whatever transaction is running: inside a command
 * listener it is part of the listener's JMS transaction (sent only if the command is consumed); inside a database
 * transaction of a REST call it is sent after that transaction commits, never for a change that was rolled back.
 */
@Component
@Profile("demo")
public class ReferencePublisher {

    /** JMS message groups (docs/messages.md): one record's messages reach one consumer at a time, in order. */
    public static final String GROUP_ID = "JMSXGroupID";

    private final JmsTemplate jms;
    private final ObjectMapper mapper;
    private final QueueNames queues;
    private final Clock clock;

    public ReferencePublisher(ConnectionFactory connectionFactory, ObjectMapper mapper, QueueNames queues,
            Clock clock) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.mapper = mapper;
        this.queues = queues;
        this.clock = clock;
    }

    public static String groupId(RecordType type, String no) {
        return type.wireName() + ":" + no;
    }

    /**
     * Publishes one event and returns its messageId.
     *
     * @param groupId the record it is about ({@link #groupId}); null for none
     * @param version the record's version after the change; null for messages that are not about a record
     * @param data    the type's fields after the envelope
     */
    public String publish(ReferenceSystem from, MessageType type, String groupId, Long version, ObjectNode data) {
        ObjectNode message = compose(from, type, version, data);
        send(from, groupId, message);
        return message.get("messageId").asText();
    }

    /** The complete message (envelope with a new messageId, then {@code data}) without sending it. */
    public ObjectNode compose(ReferenceSystem from, MessageType type, Long version, ObjectNode data) {
        ObjectNode message = mapper.createObjectNode();
        message.put("messageId", UUID.randomUUID().toString());
        message.put("type", type.wireName());
        // Formatted, not toString(): that drops the seconds when they are zero ("09:41Z"), which is no RFC 3339 date-time.
        message.put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)));
        message.put("source", from.source());
        if (version != null) {
            message.put("version", version);
        }
        message.setAll(data);
        return message;
    }

    /** Sends a message made by {@link #compose} to the system's event queue. */
    public void send(ReferenceSystem from, String groupId, ObjectNode message) {
        String text = toText(message);
        jms.send(from.events().queueName(queues), session -> {
            var jmsMessage = session.createTextMessage(text);
            if (groupId != null) {
                jmsMessage.setStringProperty(GROUP_ID, groupId);
            }
            return jmsMessage;
        });
    }

    private String toText(ObjectNode message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a message as JSON", e);
        }
    }
}
