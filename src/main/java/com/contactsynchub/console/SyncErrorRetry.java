package com.contactsynchub.console;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.intake.LockKeys;
import com.contactsynchub.intake.RecordLocks;
import com.contactsynchub.journal.JournalEntry;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.linking.AutoContactHandler;

/**
 * Retry of a sync error once the setup is fixed (Business Central's "Retry" on its synchronisation errors): the
 * automatic contact of a new customer, vendor or bank account that failed because Contact Nos. was blank
 * (docs/domain.md, Setup: the event can be retried once the setup is fixed).
 *
 * <p>The event cannot simply be sent again: the hub records each message id once, and the same event under a new
 * id would be stale for its record. So the stored event is handed to the automatic-contact rules again, under the
 * same lock and in one transaction with its journal entries and commands, exactly as the intake would. Retrying
 * twice is harmless: once the record has its (pending) link the rules skip it and journal why.
 */
@Service
public class SyncErrorRetry {

    /** A sync error as the page lists it: open while the record still has no link. */
    public record Row(JournalEntry entry, boolean open) {
    }

    /** What the retry did, in words for the page. */
    public record Outcome(boolean retried, String message) {
    }

    private final ConsoleQueries queries;
    private final MessageValidator validator;
    private final QueueNames queues;
    private final List<EventHandler> handlers;
    private final AutoContactHandler autoContact;
    private final RecordLocks locks;
    private final KnownRecords known;
    private final LinkRegistry links;
    private final CommandOutbox outbox;
    private final TransactionTemplate transaction;

    public SyncErrorRetry(ConsoleQueries queries, MessageValidator validator, QueueNames queues,
            List<EventHandler> handlers, AutoContactHandler autoContact, RecordLocks locks, KnownRecords known,
            LinkRegistry links, CommandOutbox outbox, TransactionTemplate transaction) {
        this.queries = queries;
        this.validator = validator;
        this.queues = queues;
        this.handlers = handlers;
        this.autoContact = autoContact;
        this.locks = locks;
        this.known = known;
        this.links = links;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /** Whether the error still stands: the record exists, is not deleted and still has no link. */
    public boolean isOpen(JournalEntry entry) {
        if (!"auto-contact-failed".equals(entry.decision())) {
            return false;
        }
        Optional<RecordType> type = RecordType.fromWireName(entry.recordType());
        Optional<LinkType> linkType = LinkType.fromWireName(entry.recordType());
        if (type.isEmpty() || linkType.isEmpty()) {
            return false;
        }
        Optional<KnownRecord> record = known.find(type.get(), entry.recordNo());
        return record.isPresent() && !record.get().deleted()
                && links.findByRecord(linkType.get(), entry.recordNo()).isEmpty();
    }

    /** The newest error of each record (a failed retry journals the same error again), newest first. */
    public List<Row> rows(int limit) {
        java.util.Map<String, JournalEntry> newest = new java.util.LinkedHashMap<>();
        for (JournalEntry entry : queries.syncErrorEntries(limit)) {
            newest.putIfAbsent(entry.recordType() + ":" + entry.recordNo() + ":" + entry.decision(), entry);
        }
        return newest.values().stream().map(e -> new Row(e, isOpen(e))).toList();
    }

    /** Retries every open error, each record once; returns how many got their contact requested. */
    public int retryAll(int limit) {
        int retried = 0;
        for (Row row : rows(limit)) {
            if (isOpen(row.entry()) && retry(row.entry().id()).retried()) {
                retried++;
            }
        }
        return retried;
    }

    public Outcome retry(long journalId) {
        JournalEntry entry = queries.journalEntry(journalId)
                .orElseThrow(() -> new java.util.NoSuchElementException("There is no journal entry " + journalId));
        if (!"auto-contact-failed".equals(entry.decision())) {
            throw new IllegalArgumentException("Journal entry " + journalId + " (" + entry.decision()
                    + ") is not an error that can be retried");
        }
        if (!isOpen(entry)) {
            return new Outcome(false, entry.recordType() + " " + entry.recordNo()
                    + " is linked (or deleted) by now: nothing to retry");
        }
        ConsoleQueries.Received received = queries.received(entry.causationId()).orElseThrow(
                () -> new IllegalArgumentException("The message " + entry.causationId() + " is not stored"));
        Channel channel = queues.erpEvents().equals(received.queue()) ? Channel.ERP_EVENTS : Channel.CRM_EVENTS;
        if (!(validator.validate(received.payload(), channel) instanceof Validation.Valid valid)) {
            throw new IllegalArgumentException("The stored message " + entry.causationId() + " is no longer valid");
        }
        InboundMessage message = valid.message();
        if (!autoContact.handles(message)) {
            throw new IllegalArgumentException("The stored message " + entry.causationId() + " is a "
                    + message.type().wireName() + ", not a new customer, vendor or bank account");
        }
        RecordType type = message.recordType().orElseThrow();
        List<OutboundCommand> commands = transaction.execute(status -> {
            // The lock the intake takes for this message, so that no event of the group is decided meanwhile.
            String key = handlers.stream().filter(h -> h.handles(message)).map(h -> h.lockKey(message))
                    .flatMap(Optional::stream).findFirst().orElse(LockKeys.record(type, message.recordNo()));
            locks.lock(key);
            List<OutboundCommand> decided = autoContact.handle(message, known.find(type, message.recordNo()));
            outbox.saveAll(decided);
            return decided;
        });
        return commands.isEmpty()
                ? new Outcome(false, "Retried " + entry.recordType() + " " + entry.recordNo()
                        + ": still failing, see its history")
                : new Outcome(true, "Retried " + entry.recordType() + " " + entry.recordNo()
                        + ": contact requested from the contact system");
    }
}
