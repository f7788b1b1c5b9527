package com.contactsynchub.link.request;

import com.contactsynchub.intake.LockKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.RecordLocks;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.sync.RecordRef;
import com.contactsynchub.sync.SyncGroups;

/**
 * The acknowledgement of a create command the hub sent for a link ({@link PendingCreations}). Applied: the pending
 * link becomes active, the group takes the creating side's values as its baseline, customer link listeners are
 * told, and a user's request is answered completed. Rejected: the pending link is removed (no half-made link) and
 * the request is answered rejected with the system's reason. Acknowledgements of other commands are not its concern.
 */
@Component
public class CreationAcknowledgementHandler implements EventHandler {

    private final PendingCreations pending;
    private final LinkRegistry links;
    private final LinkSettlement settlement;
    private final SyncGroups groups;
    private final RequestAnswers answers;
    private final RecordLocks locks;
    private final Journal journal;
    private final CommandOutbox outbox;

    public CreationAcknowledgementHandler(PendingCreations pending, LinkRegistry links, LinkSettlement settlement,
            SyncGroups groups, RequestAnswers answers, RecordLocks locks, Journal journal, CommandOutbox outbox) {
        this.outbox = outbox;
        this.pending = pending;
        this.links = links;
        this.settlement = settlement;
        this.groups = groups;
        this.answers = answers;
        this.locks = locks;
        this.journal = journal;
    }

    @Override
    public boolean handles(InboundMessage message) {
        return message.type() == MessageType.COMMAND_ACKNOWLEDGED
                && pending.find(message.text("commandId")).isPresent();
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage ack, Optional<KnownRecord> before) {
        PendingCreation creation = pending.find(ack.text("commandId")).orElseThrow();
        // An acknowledgement is about no record, so the intake took no lock: take the group's here.
        locks.lock(LockKeys.group(creation.contactNo()));
        if (PendingCreation.EXPIRED.equals(creation.state())) {
            journal.write(creation.created().type().wireName(), creation.created().no(), "acknowledgement-late",
                    ack.source(), ack.messageId(), null, null, "the " + ack.text("status") + " acknowledgement of "
                            + creation.commandId() + " came after the hub had given up waiting for it; "
                            + creation.created() + " is not linked (link it with a link request if it was created)");
            return List.of();
        }
        if (!creation.isPending()) {
            journal.write(creation.created().type().wireName(), creation.created().no(), "acknowledgement-repeated",
                    ack.source(), ack.messageId(), null, null, "the " + ack.text("status") + " acknowledgement of "
                            + creation.commandId() + " came again; it was " + creation.state() + " before");
            return List.of();
        }
        return "applied".equals(ack.text("status")) ? applied(ack, creation) : rejected(ack, creation);
    }

    private List<OutboundCommand> applied(InboundMessage ack, PendingCreation creation) {
        LinkType type = creation.linkType();
        RecordRef contact = new RecordRef(RecordType.CONTACT, creation.contactNo());
        RecordRef record = new RecordRef(type.recordType(), creation.recordNo());
        pending.finish(creation.commandId(), PendingCreation.COMPLETED, null);
        boolean linkStillThere = links.findByRecord(type, creation.recordNo())
                .filter(l -> l.contactNo().equals(creation.contactNo())).isPresent();
        if (!linkStillThere) {
            // The contact or the record was deleted while the creation was on its way; deleting removed the link.
            String detail = creation.created() + " was created, but its link was removed in the meantime"
                    + " (one of the two was deleted)";
            journal.write(creation.created().type().wireName(), creation.created().no(), "creation-unlinked",
                    ack.source(), ack.messageId(), null, null, detail);
            return creation.createdSide() == PendingCreation.Side.RECORD
                    ? List.of(answers.rejected(ack.messageId(), creation.requestId(), creation.requestType(),
                            creation.requestedContact(), detail))
                    : List.of();
        }
        links.activate(type, creation.recordNo());
        // The side the new record was made from is the master: its values are what both sides agreed on.
        RecordRef master = creation.createdSide() == PendingCreation.Side.RECORD ? contact : record;
        RecordRef created = creation.created();
        // The outbox keeps every command it stored, so the create command is there.
        OutboundCommand create = outbox.find(creation.commandId()).orElseThrow();
        LinkSettlement.Settled settled = settlement.settleCreated(creation.contactNo(), master, created, create,
                ack.occurredAt(), ack.messageId());
        List<OutboundCommand> out = new ArrayList<>(settled.commands());
        if (type == LinkType.CUSTOMER) {
            out.addAll(settlement.customerLinked(creation.contactNo(), creation.recordNo(), ack.messageId()));
        }
        String decision = creation.createdSide() == PendingCreation.Side.RECORD ? "creation-completed"
                : "contact-created-automatically";
        String detail = creation.created() + " was created by the " + (ack.source().equals("crm") ? "contact"
                : "finance") + " system; the link of " + contact + " and " + record + " is active";
        journal.write("contact", creation.contactNo(), decision, ack.source(), ack.messageId(), null, null, detail);
        journal.write(record.type().wireName(), record.no(), decision, ack.source(), ack.messageId(), null, null,
                detail);
        if (creation.createdSide() == PendingCreation.Side.RECORD) {
            out.add(answers.completed(ack.messageId(), creation.requestId(), creation.requestType(),
                    creation.requestedContact(), creation.contactNo(), type, creation.recordNo()));
        }
        return out;
    }

    private List<OutboundCommand> rejected(InboundMessage ack, PendingCreation creation) {
        String reason = ack.text("reason");
        pending.finish(creation.commandId(), PendingCreation.REJECTED, reason);
        links.findByRecord(creation.linkType(), creation.recordNo())
                .filter(l -> l.status() == LinkStatus.PENDING && l.contactNo().equals(creation.contactNo()))
                .ifPresent(l -> links.unlink(creation.linkType(), creation.recordNo()));
        groups.forgetPending(creation.created());
        String decision = creation.createdSide() == PendingCreation.Side.RECORD ? "creation-rejected"
                : "auto-contact-rejected";
        String detail = "the " + (ack.source().equals("crm") ? "contact" : "finance") + " system refused to create "
                + creation.created() + ": " + reason + "; the pending link is removed";
        journal.write("contact", creation.contactNo(), decision, ack.source(), ack.messageId(), null, null, detail);
        journal.write(creation.linkType().recordType().wireName(), creation.recordNo(), decision, ack.source(),
                ack.messageId(), null, null, detail);
        if (creation.createdSide() == PendingCreation.Side.RECORD) {
            return List.of(answers.rejected(ack.messageId(), creation.requestId(), creation.requestType(),
                    creation.requestedContact(), reason));
        }
        return List.of();
    }
}
