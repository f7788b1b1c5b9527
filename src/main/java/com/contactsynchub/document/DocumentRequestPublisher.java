package com.contactsynchub.document;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts a document request made on the admin API onto {@code crm.events} as a {@code document.requested}, so it
 * takes exactly the path of one sent by the contact system: validated, recorded once under its messageId, applied
 * in one transaction, answered on {@code crm.commands}. The contract only knows this request from the contact
 * system, so the message says {@code source: crm}: the admin API asks on a contact-system user's behalf.
 */
@Component
class DocumentRequestPublisher {

    private static final Set<String> FIELDS = Set.of("contactNo", "documentType", "lines");

    private final JmsTemplate jms;
    private final QueueNames queues;
    private final MessageValidator validator;
    private final Clock clock;

    DocumentRequestPublisher(ConnectionFactory connectionFactory, QueueNames queues, MessageValidator validator,
            Clock clock) {
        this.jms = new JmsTemplate(connectionFactory);
        this.queues = queues;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @param request {@code contactNo}, {@code documentType}, {@code lines}
     * @return the messageId of the request, which its answer names as {@code requestId}
     * @throws InvalidRequestException naming every field that is wrong
     */
    String publish(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new InvalidRequestException("body: must be a JSON object with contactNo, documentType and lines");
        }
        List<String> unknown = new ArrayList<>();
        request.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name + ": not a field of a document request (contactNo, documentType, lines)");
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown);
        }
        String messageId = UUID.randomUUID().toString();
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("messageId", messageId);
        message.put("type", MessageType.DOCUMENT_REQUESTED.wireName());
        message.put("occurredAt", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        message.put("source", "crm");
        message.setAll((ObjectNode) request);
        String text = message.toString();
        if (validator.validate(text, Channel.CRM_EVENTS) instanceof Validation.Invalid invalid) {
            throw new InvalidRequestException(invalid.problems());
        }
        String contactNo = request.get("contactNo").asText();
        jms.send(Channel.CRM_EVENTS.queueName(queues), session -> {
            var jmsMessage = session.createTextMessage(text);
            jmsMessage.setStringProperty(HubHeaders.GROUP_ID, "contact:" + contactNo);
            return jmsMessage;
        });
        return messageId;
    }
}
