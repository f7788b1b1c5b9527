package com.contactsynchub.link.request;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.LockKeys;
import com.contactsynchub.intake.RecordLocks;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.sync.RecordRef;
import com.contactsynchub.sync.SyncGroups;

/**
 * Create commands whose acknowledgement never came (route creation-timeouts): after
 * {@code hub.creation.acknowledgement-timeout} the command is sent again, unchanged, up to
 * {@code hub.creation.resends} times; after the last wait the hub gives up: the creation is expired, the pending link
 * removed, a user's request answered as rejected with the reason, all journalled. The record's number is not handed
 * out again (a number series only moves forward), so a late creation can never collide with another record.
 *
 * <p>Each creation is decided in its own transaction under its group's lock, the lock the acknowledgement takes too:
 * an acknowledgement and a time-out never both win, and of several hub instances only the first acts on a creation.
 */
@Component("unacknowledgedCreations")
public class UnacknowledgedCreations {

    private static final int BATCH = 100;

    private final PendingCreations pending;
    private final CommandOutbox outbox;
    private final LinkRegistry links;
    private final SyncGroups groups;
    private final RequestAnswers answers;
    private final RecordLocks locks;
    private final Journal journal;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration timeout;
    private final int resends;

    public UnacknowledgedCreations(PendingCreations pending, CommandOutbox outbox, LinkRegistry links,
            SyncGroups groups, RequestAnswers answers, RecordLocks locks, Journal journal,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${hub.creation.acknowledgement-timeout:10m}") Duration timeout,
            @Value("${hub.creation.resends:3}") int resends) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hub.creation.acknowledgement-timeout must be positive, not " + timeout);
        }
        if (resends < 0) {
            throw new IllegalArgumentException("hub.creation.resends must be 0 or more, not " + resends);
        }
        this.pending = pending;
        this.outbox = outbox;
        this.links = links;
        this.groups = groups;
        this.answers = answers;
        this.locks = locks;
        this.journal = journal;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.timeout = timeout;
        this.resends = resends;
    }

    /** Re-sends or gives up every creation that waited longer than the time-out; returns how many it acted on. */
    public int check() {
        int acted = 0;
        List<String> waiting;
        do {
            waiting = pending.waitingSince(OffsetDateTime.now(clock).minus(timeout), BATCH);
            for (String commandId : waiting) {
                if (Boolean.TRUE.equals(transaction.execute(status -> actOn(commandId)))) {
                    acted++;
                }
            }
        } while (waiting.size() == BATCH);
        return acted;
    }

    private boolean actOn(String commandId) {
        locks.lock(LockKeys.group(pending.find(commandId).orElseThrow().contactNo()));
        // Read under the lock: an acknowledgement or another hub instance may have been first.
        PendingCreation creation = pending.find(commandId).orElseThrow();
        PendingCreations.Sending sending = pending.sending(commandId).orElseThrow();
        if (!creation.isPending() || !sending.lastSentAt().isBefore(OffsetDateTime.now(clock).minus(timeout))) {
            return false;
        }
        OutboundCommand create = outbox.find(commandId).orElseThrow();
        RecordRef created = creation.created();
        if (sending.attempts() <= resends) {
            int attempt = sending.attempts();
            outbox.resend(create, attempt);
            pending.sentAgain(commandId, attempt + 1);
            String detail = "no acknowledgement of " + create.type().wireName() + " for " + caption(creation)
                    + " within " + words(timeout) + "; sent again (re-send " + attempt + " of " + resends
                    + ", same commandId " + commandId + ")";
            journal.write(created.type().wireName(), created.no(), "creation-resent", "hub", commandId, null, null,
                    detail);
            return true;
        }
        String reason = "the " + system(creation) + " did not acknowledge " + create.type().wireName() + " for "
                + caption(creation) + " (sent " + sending.attempts() + " times, waited " + words(timeout)
                + " after each); the hub"
                + " gave up, the link is removed and " + created.no() + " is not used again";
        pending.finish(commandId, PendingCreation.EXPIRED, reason);
        links.findByRecord(creation.linkType(), creation.recordNo())
                .filter(l -> l.status() == LinkStatus.PENDING && l.contactNo().equals(creation.contactNo()))
                .ifPresent(l -> links.unlink(creation.linkType(), creation.recordNo()));
        groups.forgetPending(created);
        journal.write("contact", creation.contactNo(), "creation-expired", "hub", commandId, null, null, reason);
        journal.write(creation.linkType().recordType().wireName(), creation.recordNo(), "creation-expired", "hub",
                commandId, null, null, reason);
        if (creation.createdSide() == PendingCreation.Side.RECORD) {
            outbox.saveAll(List.of(answers.rejected(commandId, creation.requestId(), creation.requestType(),
                    creation.requestedContact(), reason)));
        }
        return true;
    }


    /** 10 min, 30 s, 500 ms: as an operator writes it in the configuration. */
    static String words(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Customer C00010, Contact CT000010: as BC's messages name a record. */
    private static String caption(PendingCreation creation) {
        return creation.createdSide() == PendingCreation.Side.RECORD
                ? creation.linkType().caption() + " " + creation.recordNo()
                : "Contact " + creation.contactNo();
    }

    private static String system(PendingCreation creation) {
        return creation.createdSide() == PendingCreation.Side.RECORD ? "finance system" : "contact system";
    }
}
