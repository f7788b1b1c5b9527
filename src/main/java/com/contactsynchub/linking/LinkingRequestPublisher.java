package com.contactsynchub.linking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.Validation;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts an operator's linking request from the admin API on crm.events as the contact system would, so it takes the
 * same path as a user's request: the intake's exactly-once transaction, the same handlers, the same answer on
 * crm.commands and the same journal.
 */
@Component
class LinkingRequestPublisher {

    private final JmsTemplate jms;
    private final MessageValidator validator;
    private final QueueNames queues;
    private final Clock clock;

    LinkingRequestPublisher(ConnectionFactory connectionFactory, MessageValidator validator, QueueNames queues,
            Clock clock) {
        this.jms = new JmsTemplate(connectionFactory);
        this.validator = validator;
        this.queues = queues;
        this.clock = clock;
    }

    /**
     * @param data the type's fields (contactNo, ...), without the envelope
     * @return the request's messageId
     * @throws InvalidRequestException naming every field the contract refuses
     */
    String publish(MessageType type, ObjectNode data) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        String messageId = UUID.randomUUID().toString();
        message.put("messageId", messageId);
        message.put("type", type.wireName());
        message.put("occurredAt", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        message.put("source", "crm");
        message.setAll(data);
        String text = message.toString();
        if (validator.validate(text, Channel.CRM_EVENTS) instanceof Validation.Invalid invalid) {
            throw new InvalidRequestException(invalid.problems());
        }
        String groupId = "contact:" + message.path("contactNo").asText();
        jms.send(Channel.CRM_EVENTS.queueName(queues), session -> {
            var jmsMessage = session.createTextMessage(text);
            jmsMessage.setStringProperty(HubHeaders.GROUP_ID, groupId);
            return jmsMessage;
        });
        return messageId;
    }
}
