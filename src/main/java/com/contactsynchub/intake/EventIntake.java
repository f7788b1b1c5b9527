package com.contactsynchub.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.command.CommandResender;
import com.contactsynchub.command.CommandSender;
import com.contactsynchub.command.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.intake.IntakeResult.Outcome;
import com.contactsynchub.journal.Journal;

/**
 * The first step for every message on an event queue: validate it, then apply it exactly once. Runs inside the
 * route's JMS transaction. Recording the message id, the features' changes (the {@link EventHandler}s) and the
 * commands they decide are one database transaction; the commands are sent on the consumer's JMS session before that
 * transaction commits, and become visible with the JMS commit right after it. If the hub stops in between, the
 * broker redelivers the message: its id is then found, nothing is applied again, and the stored commands are sent
 * again with the same ids (see docs/exactly-once.md).
 */
@Component("eventIntake")
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final MessageValidator validator;
    private final InboundMessageLog messageLog;
    private final KnownRecords knownRecords;
    private final List<EventHandler> handlers;
    private final CommandOutbox outbox;
    private final CommandResender resender;
    private final CommandSender sender;
    private final RecordLocks locks;
    private final Journal journal;
    private final TransactionTemplate transaction;
    private final QueueNames queues;
    private final IntakeMetrics metrics;
    private final Clock clock;

    public EventIntake(MessageValidator validator, InboundMessageLog messageLog, KnownRecords knownRecords,
            List<EventHandler> handlers, CommandOutbox outbox, CommandResender resender, CommandSender sender,
            RecordLocks locks, Journal journal, TransactionTemplate transaction, QueueNames queues,
            IntakeMetrics metrics, Clock clock) {
        this.validator = validator;
        this.messageLog = messageLog;
        this.knownRecords = knownRecords;
        this.handlers = List.copyOf(handlers);
        this.outbox = outbox;
        this.resender = resender;
        this.sender = sender;
        this.locks = locks;
        this.journal = journal;
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
            return IntakeResult.refused(invalid.reason(), body);
        }
        InboundMessage message = ((Validation.Valid) validation).message();
        List<OutboundCommand> commands;
        try {
            commands = transaction.execute(status -> apply(message, queue));
        } catch (DuplicateKeyException alreadyRecorded) {
            metrics.duplicate(message.type());
            List<OutboundCommand> sentBefore = outbox.causedBy(message.messageId());
            resender.resend(sentBefore);
            log.info("Message {} ({}) was received before; not applied again, {} command(s) re-sent",
                    message.messageId(), message.type().wireName(), sentBefore.size());
            return new IntakeResult(Outcome.DUPLICATE, message.type(), message.messageId(), null, body, List.of());
        }
        metrics.received(message.type());
        return new IntakeResult(Outcome.ACCEPTED, message.type(), message.messageId(), null, body, commands);
    }

    private List<OutboundCommand> apply(InboundMessage message, String queue) {
        messageLog.record(message, queue, clock.instant());
        List<EventHandler> interested = handlers.stream().filter(h -> h.handles(message)).toList();
        Optional<KnownRecord> before = Optional.empty();
        if (message.recordType().isPresent()) {
            RecordType type = message.recordType().get();
            locks.lock(interested.stream().map(h -> h.lockKey(message)).flatMap(Optional::stream).findFirst()
                    .orElse(LockKeys.record(type, message.recordNo())));
            before = knownRecords.find(type, message.recordNo());
            if (RecordStateMerger.isRecordEvent(message.type()) && RecordStateMerger.isStale(before, message)) {
                metrics.stale(message.type());
                journal.write(type.wireName(), message.recordNo(), "stale", message.source(), message.messageId(),
                        null, null, "older than what the hub applied already: version " + message.version()
                                + " at " + message.occurredAt() + ", known version "
                                + before.get().version() + " at " + before.get().occurredAt());
                for (EventHandler handler : interested) {
                    handler.stale(message, before.get());
                }
                return List.of();
            }
        }
        List<OutboundCommand> commands = new ArrayList<>();
        for (EventHandler handler : interested) {
            commands.addAll(handler.handle(message, before));
        }
        RecordStateMerger.merge(before, message).ifPresent(knownRecords::save);
        commands.forEach(outbox::save);
        // Sent before the database commits, while this group's lock is held: on a queue consumer they join its JMS
        // transaction (committed right after the database), so two decisions for one group cannot overtake each other.
        sender.send(commands);
        return commands;
    }
}
