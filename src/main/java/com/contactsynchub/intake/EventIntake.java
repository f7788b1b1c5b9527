package com.contactsynchub.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.journal.Journal;

/**
 * The steps every message on an event queue goes through, one public method per step of the event routes
 * (routes/crm, routes/erp): {@link #validate}, then inside one database transaction {@link #recordOnce},
 * {@link #lockGroup}, {@link #lookUp}, {@link #decide} and {@link #store}. The decided commands are stored in the
 * outbox with the decision and sent by the command relay once the transaction has committed (see
 * docs/exactly-once.md). File imports run the same steps through {@link #receive}.
 */
@Component("eventIntake")
public class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final MessageValidator validator;
    private final InboundMessageLog messageLog;
    private final KnownRecords knownRecords;
    private final List<EventHandler> handlers;
    private final CommandOutbox outbox;
    private final RecordLocks locks;
    private final Journal journal;
    private final TransactionTemplate transaction;
    private final QueueNames queues;
    private final IntakeMetrics metrics;
    private final Clock clock;

    public EventIntake(MessageValidator validator, InboundMessageLog messageLog, KnownRecords knownRecords,
            List<EventHandler> handlers, CommandOutbox outbox, RecordLocks locks, Journal journal,
            TransactionTemplate transaction, QueueNames queues, IntakeMetrics metrics, Clock clock) {
        this.validator = validator;
        this.messageLog = messageLog;
        this.knownRecords = knownRecords;
        this.handlers = List.copyOf(handlers);
        this.outbox = outbox;
        this.locks = locks;
        this.journal = journal;
        this.transaction = transaction;
        this.queues = queues;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** All steps for one message outside the routes (file imports): the same rules, one transaction. */
    public IntakeResult receive(String body, Channel channel) {
        return receive(body, channel, handler -> false);
    }

    /**
     * As {@link #receive(String, Channel)}, without the features {@code leaveOut} names (a file imported with
     * {@code no-auto-contacts} leaves out the automatic contact).
     */
    public IntakeResult receive(String body, Channel channel, Predicate<EventHandler> leaveOut) {
        IntakeEvent event = validate(body, channel).leavingOut(leaveOut);
        if (event.isInvalid()) {
            return event.result();
        }
        transaction.executeWithoutResult(status -> applySteps(event));
        return event.result();
    }

    /**
     * All steps for several messages outside the routes (file imports), in ONE database transaction: the same rules
     * as {@link #receive} for each body in order, one commit for all (a commit per message is what limited imports).
     * The group lock rows the bodies will need are created first, together, so that a new record does not cost a
     * transaction of its own, and taken together at the start of the transaction. If the transaction fails, nothing
     * of it stays and the caller decides what to do (the importer tries the bodies one by one). The results are in
     * the order of the bodies.
     */
    public List<IntakeResult> receiveAll(List<String> bodies, Channel channel) {
        return receiveAll(bodies, channel, handler -> false);
    }

    /** As {@link #receiveAll(List, Channel)}, without the features {@code leaveOut} names. */
    public List<IntakeResult> receiveAll(List<String> bodies, Channel channel, Predicate<EventHandler> leaveOut) {
        List<IntakeEvent> events = bodies.stream().map(body -> validate(body, channel).leavingOut(leaveOut)).toList();
        List<String> keys = events.stream().filter(e -> !e.isInvalid()).map(e -> groupKey(e.message(),
                interestedIn(e))).flatMap(Optional::stream).distinct().toList();
        locks.ensureAll(keys);
        transaction.executeWithoutResult(status -> {
            // all at once and in order; a key that differs by the time lockGroup asks (a link made meanwhile) is
            // taken there as usual
            locks.lockAll(keys);
            for (IntakeEvent event : events) {
                if (!event.isInvalid()) {
                    applySteps(event);
                }
            }
        });
        return events.stream().map(IntakeEvent::result).toList();
    }

    /** The steps of route apply-event for a valid event, in the caller's transaction. */
    private void applySteps(IntakeEvent event) {
        recordOnce(event);
        if (!event.isDuplicate()) {
            lockGroup(event);
            lookUp(event);
            decide(event);
            store(event);
        }
    }

    /**
     * Step "validate" of the event routes, on the JMS message itself (the routes do not let Camel map the body,
     * which would deserialize an ObjectMessage): a text message is validated, anything else refused unread.
     */
    public IntakeEvent validateMessage(@Body jakarta.jms.Message message, Channel channel) {
        NonTextBody nonText = NonTextBody.of(message);
        if (nonText == null) {
            try {
                return validate(((jakarta.jms.TextMessage) message).getText(), channel);
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException("The text of a message on " + channel.queueName(queues)
                        + " cannot be read", e);
            }
        }
        String queue = channel.queueName(queues);
        metrics.invalid(queue);
        IntakeEvent refused = IntakeEvent.refusedNonText(nonText, channel);
        log.warn("Refused a message on {}: {}", queue, refused.invalidReason());
        return refused;
    }

    /** Step "validate": no side effects but the metric; an invalid message is refused with its reason. */
    public IntakeEvent validate(String body, Channel channel) {
        Validation validation = validator.validate(body, channel);
        if (validation instanceof Validation.Invalid invalid) {
            String queue = channel.queueName(queues);
            metrics.invalid(queue);
            log.warn("Refused a message on {}: {}", queue, invalid.reason());
            return IntakeEvent.refused(body, channel, invalid.reason());
        }
        return IntakeEvent.accepted(body, channel, ((Validation.Valid) validation).message());
    }

    /**
     * Step "record once": the message id goes into inbound_message, the first write of the transaction. A message
     * recorded before (a redelivery after a crash, or the same message sent twice) is marked duplicate and nothing
     * else happens: its effects and its commands were committed with it, and the relay sends those.
     */
    public IntakeEvent recordOnce(@Body IntakeEvent event) {
        InboundMessage message = event.message();
        // Asked first instead of catching the insert's failure: on PostgreSQL a failed statement aborts the whole
        // transaction. Two copies at the same moment: the second insert waits for the first and fails, its
        // transaction rolls back and the broker redelivers it, to be found here.
        if (messageLog.contains(message.messageId())) {
            event.markDuplicate();
            metrics.duplicate(message.type());
            log.info("Message {} ({}) was received before; not applied again", message.messageId(),
                    message.type().wireName());
            return event;
        }
        messageLog.record(message, event.channel().queueName(queues), clock.instant());
        return event;
    }

    /**
     * Step "lock the group": takes the row lock that serialises this message with every other one about the same
     * group of linked records (the first interested feature names it; by default the record itself), across
     * consumers and hub instances, until the transaction ends.
     */
    public IntakeEvent lockGroup(@Body IntakeEvent event) {
        InboundMessage message = event.message();
        List<EventHandler> interested = interestedIn(event);
        event.handledBy(interested);
        Optional<String> key = groupKey(message, interested);
        if (key.isPresent()) {
            locks.lock(key.get());
            event.lockedOn(key.get());
        }
        return event;
    }

    private List<EventHandler> interestedIn(IntakeEvent event) {
        return handlers.stream().filter(h -> h.handles(event.message()) && !event.leavesOut(h)).toList();
    }

    /** The lock of the message's group: the first interested feature names it; by default the record itself. */
    private static Optional<String> groupKey(InboundMessage message, List<EventHandler> interested) {
        if (message.recordType().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(interested.stream().map(h -> h.lockKey(message)).flatMap(Optional::stream).findFirst()
                .orElse(LockKeys.record(message.recordType().get(), message.recordNo())));
    }

    /** Step "look up": what the hub knows of the record; the features look up its links when they decide. */
    public IntakeEvent lookUp(@Body IntakeEvent event) {
        InboundMessage message = event.message();
        if (message.recordType().isPresent()) {
            event.knownBefore(knownRecords.find(message.recordType().get(), message.recordNo()));
        }
        return event;
    }

    /**
     * Step "decide": an event older than what was applied for its record is journalled stale and changes nothing
     * (the features may still learn from it); otherwise every interested feature applies it and says which commands
     * to send.
     */
    public IntakeEvent decide(@Body IntakeEvent event) {
        InboundMessage message = event.message();
        Optional<KnownRecord> before = event.before();
        if (message.recordType().isPresent() && RecordStateMerger.isRecordEvent(message.type())
                && RecordStateMerger.isStale(before, message)) {
            RecordType type = message.recordType().get();
            event.markStale();
            metrics.stale(message.type());
            journal.write(type.wireName(), message.recordNo(), "stale", message.source(), message.messageId(),
                    null, null, "older than what the hub applied already: version " + message.version()
                            + " at " + message.occurredAt() + ", known version "
                            + before.get().version() + " at " + before.get().occurredAt());
            for (EventHandler handler : event.handlers()) {
                event.decided(handler.stale(message, before.get()));
            }
            return event;
        }
        for (EventHandler handler : event.handlers()) {
            event.decided(handler.handle(message, before));
        }
        return event;
    }

    /**
     * Step "store": folds the event into what the hub knows of its record and puts the decided commands into the
     * outbox, in the same transaction as the decision; the relay sends them after the commit, oldest first.
     */
    public IntakeEvent store(@Body IntakeEvent event) {
        InboundMessage message = event.message();
        if (!event.isStale()) {
            RecordStateMerger.merge(event.before(), message).ifPresent(knownRecords::save);
        }
        List<OutboundCommand> commands = event.commands();
        outbox.saveAll(commands);
        metrics.received(message.type());
        return event;
    }
}
