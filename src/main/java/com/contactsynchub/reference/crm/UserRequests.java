package com.contactsynchub.reference.crm;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.reference.ReferenceProblem;
import com.contactsynchub.reference.ReferencePublisher;
import com.contactsynchub.reference.ReferenceSystem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a user of the contact system asks the hub for (link a contact, create a customer from it, make a document,
 * ...): the request is checked against the contract before it leaves, remembered, and its answer kept when the
 * hub sends it back.
 */
@Service
@Profile("demo")
public class UserRequests {

    /** The user requests of docs/messages.md. */
    public static final Set<MessageType> REQUEST_TYPES = Set.of(MessageType.LINK_REQUESTED,
            MessageType.UNLINK_REQUESTED, MessageType.CUSTOMER_CREATION_REQUESTED,
            MessageType.VENDOR_CREATION_REQUESTED, MessageType.BANK_ACCOUNT_CREATION_REQUESTED,
            MessageType.DOCUMENT_REQUESTED);
    private static final List<String> ENVELOPE = List.of("messageId", "type", "occurredAt", "source", "version");

    public record RequestStatus(String messageId, String type, String contactNo, String status, JsonNode request,
            JsonNode answer) {
    }

    private final RequestLog requests;
    private final ReferencePublisher publisher;
    private final MessageValidator validator;
    private final ObjectMapper mapper;
    private final Clock clock;

    UserRequests(RequestLog requests, ReferencePublisher publisher, MessageValidator validator, ObjectMapper mapper,
            Clock clock) {
        this.requests = requests;
        this.publisher = publisher;
        this.validator = validator;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Sends a request made of {@code body}: its {@code type} and the type's fields (e.g. contactNo, linkType,
     * recordNo, master); the envelope is added here. Returns the request's messageId.
     */
    @Transactional
    public String send(ObjectNode body) {
        String typeName = body.path("type").asText("");
        MessageType type = MessageType.fromWireName(typeName).filter(REQUEST_TYPES::contains)
                .orElseThrow(() -> ReferenceProblem.badRequest("type: must be one of " + REQUEST_TYPES.stream()
                        .map(MessageType::wireName).sorted().toList() + ", not '" + typeName + "'"));
        ObjectNode data = body.deepCopy();
        ENVELOPE.forEach(data::remove);
        ObjectNode message = publisher.compose(ReferenceSystem.CRM, type, null, data);
        String text = message.toString();
        if (validator.validate(text, ReferenceSystem.CRM.events()) instanceof Validation.Invalid invalid) {
            throw ReferenceProblem.badRequest(invalid.reason());
        }
        String messageId = message.get("messageId").asText();
        String contactNo = message.get("contactNo").asText();
        requests.sent(messageId, type.wireName(), contactNo, text, clock.instant());
        publisher.send(ReferenceSystem.CRM, ReferencePublisher.groupId(RecordType.CONTACT, contactNo), message);
        return messageId;
    }

    /** The request and the hub's latest answer to it (status pending, completed or rejected). */
    public RequestStatus status(String messageId) {
        var sent = requests.request(messageId);
        var answers = requests.answers(messageId);
        if (sent.isEmpty() && answers.isEmpty()) {
            throw ReferenceProblem.notFound("No request " + messageId + " was sent or answered.");
        }
        var answer = answers.isEmpty() ? null : answers.get(answers.size() - 1);
        String status = answer == null ? "pending"
                : MessageType.REQUEST_COMPLETED.wireName().equals(answer.type()) ? "completed" : "rejected";
        return new RequestStatus(messageId, sent.map(RequestLog.SentRequest::type).orElse(null),
                sent.map(RequestLog.SentRequest::contactNo).orElse(null), status,
                sent.map(s -> parse(s.payload())).orElse(null), answer == null ? null : parse(answer.payload()));
    }

    private JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }
}
