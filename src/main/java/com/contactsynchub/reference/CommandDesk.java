package com.contactsynchub.reference;

import java.time.Clock;
import java.util.function.Consumer;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a reference system takes one command off its queue: read and check it against the contract, apply it once,
 * and answer with {@code command.acknowledged}. A command it cannot read or refuses is acknowledged as rejected
 * with the reason and consumed; only a failure of the system itself (an exception other than
 * {@link ReferenceProblem}) escapes, which rolls back the listener's JMS transaction so the broker redelivers it.
 */
public class CommandDesk {

    private static final Logger log = LoggerFactory.getLogger(CommandDesk.class);
    /** Artemis duplicate detection id; the hub sets it to the commandId. */
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    private static final int MAX_REASON = 2000;
    private static final int MAX_ID = 100;

    private final ReferenceSystem system;
    private final MessageValidator validator;
    private final ReferencePublisher publisher;
    private final ProcessedCommands processed;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CommandDesk(ReferenceSystem system, MessageValidator validator, ReferencePublisher publisher,
            ProcessedCommands processed, TransactionTemplate transaction, ObjectMapper mapper, Clock clock) {
        this.system = system;
        this.validator = validator;
        this.publisher = publisher;
        this.processed = processed;
        this.transaction = transaction;
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param apply carries the command out; throws {@link ReferenceProblem} to refuse it. Its database writes are
     *              then undone, but what it published is not: refuse before publishing.
     */
    public void handle(Message jmsMessage, Consumer<InboundMessage> apply) throws JMSException {
        String text = jmsMessage instanceof TextMessage textMessage ? textMessage.getText() : null;
        if (text == null) {
            reject(fallbackCommandId(null, jmsMessage), "the command is not a JSON text message");
            return;
        }
        Validation validation = validator.validate(text, system.commands());
        if (validation instanceof Validation.Invalid invalid) {
            reject(fallbackCommandId(text, jmsMessage), "the command is invalid: " + invalid.reason());
            return;
        }
        InboundMessage command = ((Validation.Valid) validation).message();
        String commandId = command.text("commandId");
        transaction.executeWithoutResult(status -> {
            var earlier = processed.find(commandId);
            if (earlier.isPresent()) {
                log.info("{}: command {} was dealt with before; acknowledging it again", system.source(), commandId);
                acknowledge(commandId, earlier.get());
                return;
            }
            CommandOutcome outcome;
            try {
                // A refusal rolls back to this savepoint; the rejection is still recorded and acknowledged.
                savepoint.executeWithoutResult(nested -> apply.accept(command));
                outcome = CommandOutcome.applied(recordNo(command), groupId(command));
            } catch (ReferenceProblem refused) {
                log.warn("{}: rejected {} {}: {}", system.source(), command.type().wireName(), commandId,
                        refused.getMessage());
                outcome = CommandOutcome.rejected(refused.getMessage(), recordNo(command), groupId(command));
            }
            processed.record(commandId, command.type().wireName(), outcome, clock.instant());
            acknowledge(commandId, outcome);
        });
    }

    private void reject(String commandId, String reason) {
        log.warn("{}: rejected an unreadable command {}: {}", system.source(), commandId, reason);
        acknowledge(commandId, CommandOutcome.rejected(reason, null, null));
    }

    private void acknowledge(String commandId, CommandOutcome outcome) {
        ObjectNode data = mapper.createObjectNode();
        data.put("commandId", commandId);
        data.put("status", outcome.status().wireName());
        if (outcome.reason() != null) {
            data.put("reason", clean(outcome.reason(), MAX_REASON));
        }
        if (outcome.recordNo() != null && !outcome.recordNo().isEmpty()) {
            data.put("recordNo", outcome.recordNo());
        }
        publisher.publish(system, MessageType.COMMAND_ACKNOWLEDGED, outcome.groupId(), null, data);
    }

    /** The record a command is about: its key, or the document no. for documents. */
    private static String recordNo(InboundMessage command) {
        return command.recordNo() != null ? command.recordNo() : command.text("documentNo");
    }

    private static String groupId(InboundMessage command) {
        if (command.recordType().isPresent() && command.recordNo() != null) {
            return ReferencePublisher.groupId(command.recordType().get(), command.recordNo());
        }
        if (command.text("documentNo") != null) {
            return "document:" + command.text("documentNo");
        }
        return command.text("contactNo") == null ? null : "contact:" + command.text("contactNo");
    }

    /** For a command that cannot be read: its commandId if one can be found, else the broker's ids for it. */
    private String fallbackCommandId(String text, Message jmsMessage) throws JMSException {
        if (text != null) {
            try {
                JsonNode commandId = mapper.readTree(text).path("commandId");
                if (commandId.isTextual() && !commandId.asText().isBlank()) {
                    return clean(commandId.asText(), MAX_ID);
                }
            } catch (Exception notJson) {
                // fall through to the broker's ids
            }
        }
        Object duplicateId = jmsMessage.getObjectProperty(DUPLICATE_ID);
        if (duplicateId != null && !duplicateId.toString().isBlank()) {
            return clean(duplicateId.toString(), MAX_ID);
        }
        String jmsId = jmsMessage.getJMSMessageID();
        return jmsId == null ? "unknown" : clean(jmsId, MAX_ID);
    }

    /** Fits a text into the contract: no control characters, at most {@code max} characters. */
    private static String clean(String text, int max) {
        String cleaned = text.replaceAll("\\p{Cntrl}", " ");
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max - 3) + "...";
    }
}
