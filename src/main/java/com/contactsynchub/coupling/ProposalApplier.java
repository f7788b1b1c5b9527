package com.contactsynchub.coupling;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.EventIntake;
import com.contactsynchub.intake.IntakeResult;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.journal.JournalEntry;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns proposals into the messages that apply them through the intake, as the systems' own messages are applied:
 * a proposed link becomes the {@code link.requested} a contact system would send (LinkRequestHandler: BC's checks and messages, the master's
 * fields overwrite the other side once, journal, answer on crm.commands); an unmatched record that is to get a contact
 * becomes the {@code <type>.created} its finance system would have sent (AutoContactHandler, as a file import does).
 * Each has the proposal's fixed message id, so applying it again after a crash is a duplicate for the intake: no
 * second effect, and the outcome is read back from the commands the first time stored.
 */
@Component
public class ProposalApplier {

    /** What became of one proposal. */
    public record Outcome(String outcome, String detail) {
    }

    private final CommandOutbox outbox;
    private final KnownRecords knownRecords;
    private final Journal journal;
    private final Clock clock;

    public ProposalApplier(CommandOutbox outbox, KnownRecords knownRecords, Journal journal,
            Clock clock) {
        this.outbox = outbox;
        this.knownRecords = knownRecords;
        this.journal = journal;
        this.clock = clock;
    }

    /** {@code coupling:<run>:<record no.>}: the same proposal always has the same message id. */
    public static String messageId(String couplingId, String recordNo) {
        return "coupling:" + couplingId + ":" + recordNo;
    }

    /** A proposal ready for the intake, or one whose outcome is known without it. */
    public sealed interface Step permits Send, Decided {
        StoredProposal proposal();
    }

    /** The message that applies the proposal, for {@link EventIntake#receiveAll} on its channel. */
    public record Send(StoredProposal proposal, String body, Channel channel) implements Step {
    }

    public record Decided(StoredProposal proposal, Outcome outcome) implements Step {
    }

    /** Builds the message that applies the proposal; a created event is never built for a deleted record. */
    public Step prepare(CouplingRun run, StoredProposal stored) {
        Proposal proposal = stored.proposal();
        return switch (proposal.action()) {
            case LINK -> new Send(stored, linkRequest(run, stored).toString(), Channel.CRM_EVENTS);
            case CREATE_CONTACT -> {
                LinkType type = run.linkType();
                Optional<KnownRecord> known = knownRecords.find(type.recordType(), proposal.recordNo());
                if (known.isEmpty() || known.get().deleted()) {
                    // a created event would bring it back; applied before it was deleted: its outcome stands
                    yield outbox.causedBy(stored.messageId()).isEmpty()
                            ? new Decided(stored, new Outcome("no-contact", type.caption() + " "
                                    + proposal.recordNo() + " was deleted since the dry run"))
                            : new Decided(stored, read(run, stored, null));
                }
                yield new Send(stored, createdEvent(type, known.get(), stored.messageId()).toString(),
                        Channel.ERP_EVENTS);
            }
            case NONE -> throw new IllegalArgumentException("proposal " + proposal.recordNo()
                    + " has nothing to do");
        };
    }

    /**
     * What became of the proposal, read from what the intake stored for its message id (the first time or, after a
     * crash, an earlier attempt): the answer to the link request, or the contact.create command.
     *
     * @param result the intake's result, null when the message was not sent again
     */
    public Outcome read(CouplingRun run, StoredProposal stored, IntakeResult result) {
        Proposal proposal = stored.proposal();
        boolean link = proposal.action() == Proposal.Action.LINK;
        if (result != null && result.isInvalid()) {
            return new Outcome(link ? "refused" : "no-contact", "refused as invalid: " + result.reason());
        }
        List<OutboundCommand> commands = outbox.causedBy(stored.messageId());
        if (link) {
            Optional<OutboundCommand> rejected = commands.stream()
                    .filter(c -> c.type() == MessageType.REQUEST_REJECTED).findFirst();
            if (rejected.isPresent()) {
                return new Outcome("refused", rejected.get().body().path("reason").asText());
            }
            long updates = commands.stream().filter(c -> c.type() != MessageType.REQUEST_COMPLETED).count();
            String holder = commands.stream().filter(c -> c.type() == MessageType.REQUEST_COMPLETED).findFirst()
                    .map(c -> c.body().path("contactNo").asText(proposal.contactNo())).orElse(proposal.contactNo());
            return new Outcome("linked", "linked with contact " + holder + " (master " + run.master() + "; "
                    + (updates == 0 ? "nothing to overwrite" : updates + " update command(s) sent") + ")");
        }
        Optional<OutboundCommand> create = commands.stream()
                .filter(c -> c.type() == MessageType.CONTACT_CREATE).findFirst();
        if (create.isPresent()) {
            return new Outcome("contact-requested", "contact " + create.get().body().path("contactNo").asText()
                    + " asked of the contact system; linked (pending) until it confirms");
        }
        // AutoContactHandler journalled why not (Contact Nos. blank, linked meanwhile, relation code blank)
        LinkType type = run.linkType();
        return new Outcome("no-contact", journal.forRecord(type.recordType().wireName(), proposal.recordNo(), 20)
                .stream().filter(e -> stored.messageId().equals(e.causationId()))
                .filter(e -> e.decision().startsWith("auto-contact")).findFirst().map(JournalEntry::detail)
                .orElse("no contact was asked; see the record's journal"));
    }

    private ObjectNode linkRequest(CouplingRun run, StoredProposal stored) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("messageId", stored.messageId());
        request.put("type", MessageType.LINK_REQUESTED.wireName());
        request.put("occurredAt", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        request.put("source", "crm");
        request.put("contactNo", stored.proposal().contactNo());
        request.put("linkType", run.linkType().wireName());
        request.put("recordNo", stored.proposal().recordNo());
        request.put("master", run.master());
        return request;
    }

    /**
     * The record's {@code <type>.created} as the finance system would send it, with what the hub knows of it. Its
     * occurredAt is the known state's, so it is not stale and moves no record's clock (it carries no version, like a
     * file import's rows).
     */
    private static ObjectNode createdEvent(LinkType type, KnownRecord known, String messageId) {
        RecordType recordType = type.recordType();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("messageId", messageId);
        event.put("type", recordType.wireName() + ".created");
        event.put("occurredAt", known.occurredAt().toInstant().toString());
        event.put("source", "erp");
        event.put(recordType.keyField(), known.no());
        if (recordType == RecordType.CUSTOMER && known.contactType() != null) {
            event.put("contactType", known.contactType());
        }
        event.set("fields", known.fields().deepCopy());
        return event;
    }
}
