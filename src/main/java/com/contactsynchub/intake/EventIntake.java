package com.contactsynchub.intake;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.intake.IntakeResult.Outcome;

/**
 * The first step for every message on an event queue: validate it, then record it exactly once. Runs inside the
 * route's JMS transaction; the database work is one transaction of its own that commits before the JMS one, and the
 * message id's primary key makes a redelivery after a crash in between harmless.
 */
@Component("eventIntake")
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final MessageValidator validator;
    private final InboundMessageLog messageLog;
    private final KnownRecords knownRecords;
    private final TransactionTemplate transaction;
    private final QueueNames queues;
    private final IntakeMetrics metrics;
    private final Clock clock;

    public EventIntake(MessageValidator validator, InboundMessageLog messageLog, KnownRecords knownRecords,
            TransactionTemplate transaction, QueueNames queues, IntakeMetrics metrics, Clock clock) {
        this.validator = validator;
        this.messageLog = messageLog;
        this.knownRecords = knownRecords;
        this.transaction = transaction;
        this.queues = queues;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Entry point from the route: {@code channel} is CRM_EVENTS or ERP_EVENTS. */
    public IntakeResult receive(String body, Channel channel) {
        String queue = channel.queueName(queues);
        Validation validation = validator.validate(body, channel);
        if (validation instanceof Validation.Invalid invalid) {
            metrics.invalid(queue);
            log.warn("Refused a message on {}: {}", queue, invalid.reason());
            return new IntakeResult(Outcome.INVALID, null, null, invalid.reason(), body);
        }
        InboundMessage message = ((Validation.Valid) validation).message();
        try {
            transaction.executeWithoutResult(status -> apply(message, queue));
        } catch (DuplicateKeyException alreadyRecorded) {
            metrics.duplicate(message.type());
            log.info("Message {} ({}) was received before; not applied again", message.messageId(),
                    message.type().wireName());
            return new IntakeResult(Outcome.DUPLICATE, message.type(), message.messageId(), null, body);
        }
        metrics.received(message.type());
        return new IntakeResult(Outcome.ACCEPTED, message.type(), message.messageId(), null, body);
    }

    private void apply(InboundMessage message, String queue) {
        messageLog.record(message, queue, clock.instant());
        message.recordType().ifPresent(type -> RecordStateMerger
                .merge(knownRecords.find(type, message.recordNo()), message)
                .ifPresent(knownRecords::save));
    }
}
