package com.contactsynchub.linking;

import com.contactsynchub.intake.LockKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.intake.RecordLocks;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRefusedException;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.sync.RecordRef;
import com.contactsynchub.sync.SyncGroups;

/**
 * {@code link.requested} and {@code unlink.requested} (docs/domain.md, What happens 2): link a contact with an existing
 * customer, vendor or bank account, the master's common fields overwriting the other side once; or remove a link.
 * Every request is answered on crm.commands and journalled.
 */
@Component
public class LinkRequestHandler implements EventHandler {

    private final LinkRegistry links;
    private final KnownRecords knownRecords;
    private final KnownContacts contacts;
    private final LinkSettlement settlement;
    private final SyncGroups groups;
    private final RequestAnswers answers;
    private final RecordLocks locks;
    private final Journal journal;

    public LinkRequestHandler(LinkRegistry links, KnownRecords knownRecords, KnownContacts contacts,
            LinkSettlement settlement, SyncGroups groups, RequestAnswers answers, RecordLocks locks,
            Journal journal) {
        this.links = links;
        this.knownRecords = knownRecords;
        this.contacts = contacts;
        this.settlement = settlement;
        this.groups = groups;
        this.answers = answers;
        this.locks = locks;
        this.journal = journal;
    }

    @Override
    public boolean handles(InboundMessage message) {
        return message.type() == MessageType.LINK_REQUESTED || message.type() == MessageType.UNLINK_REQUESTED;
    }

    /** The group of the contact that holds (or will hold) the link, the same lock its field changes take. */
    @Override
    public Optional<String> lockKey(InboundMessage message) {
        try {
            return Optional.of(LockKeys.group(contacts.holderOf(KnownContacts.no("contactNo", message.recordNo()))));
        } catch (InvalidRequestException badNo) {
            return Optional.empty(); // refused in handle
        }
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
        return message.type() == MessageType.LINK_REQUESTED ? link(message) : unlink(message);
    }

    private List<OutboundCommand> link(InboundMessage request) {
        String contactNo = request.recordNo();
        try {
            contactNo = KnownContacts.no("contactNo", request.recordNo());
            LinkType type = linkType(request);
            String recordNo = KnownContacts.no("recordNo", request.text("recordNo"));
            boolean masterIsContact = "contact".equals(request.text("master"));
            RecordRef record = new RecordRef(type.recordType(), recordNo);
            // The record's own events take its lock while it is unlinked: hold it too, so none slips past the
            // baseline taken here.
            locks.lock(LockKeys.record(record.type(), record.no()));
            Optional<KnownRecord> known = knownRecords.find(type.recordType(), recordNo);
            if (known.isEmpty() || known.get().deleted()) {
                throw new LinkRefusedException("The " + type.caption()
                        + " does not exist. Identification fields and values: No.='" + recordNo + "'");
            }
            Optional<Link> existing = links.findByRecord(type, recordNo);
            Link link = links.link(contactNo, type, recordNo, LinkStatus.ACTIVE);
            if (existing.isPresent()) {
                return alreadyLinked(request, contactNo, link);
            }
            RecordRef contact = new RecordRef(RecordType.CONTACT, link.contactNo());
            RecordRef master = masterIsContact ? contact : record;
            LinkSettlement.Settled settled = settlement.overwriteFromMaster(link.contactNo(), master,
                    request.occurredAt(), request.messageId());
            String detail = "linked " + contact + " with " + record + " (business relation " + link.businessRelationCode()
                    + "); master " + master + ": " + describe(settled)
                    + (link.contactNo().equals(contactNo) ? "" : "; requested for person " + contactNo
                            + ", linked to its company");
            journal.write("contact", link.contactNo(), "link-created", request.source(), request.messageId(), null,
                    null, detail);
            journal.write(type.recordType().wireName(), recordNo, "link-created", request.source(),
                    request.messageId(), null, null, detail);
            List<OutboundCommand> out = new ArrayList<>(settled.commands());
            if (type == LinkType.CUSTOMER) {
                out.addAll(settlement.customerLinked(link.contactNo(), recordNo, request.messageId()));
            }
            out.add(answers.completed(request.messageId(), request.messageId(), request.type().wireName(), contactNo,
                    link.contactNo(), type, recordNo));
            return out;
        } catch (LinkRefusedException | InvalidRequestException refused) {
            return refuse(request, contactNo, "link-refused", refused.getMessage());
        }
    }

    /** The same link exists: a repeated request changes nothing; a record still being created cannot be linked. */
    private List<OutboundCommand> alreadyLinked(InboundMessage request, String contactNo, Link link) {
        if (link.status() == LinkStatus.PENDING) {
            throw new LinkRefusedException(link.linkType().caption() + " " + link.recordNo()
                    + " is still being created for contact " + link.contactNo() + ".");
        }
        journal.write("contact", link.contactNo(), "link-unchanged", request.source(), request.messageId(), null,
                null, "contact:" + link.contactNo() + " and " + link.linkType().recordType().wireName() + ":"
                        + link.recordNo() + " were linked already; nothing is overwritten again");
        return List.of(answers.completed(request.messageId(), request.messageId(), request.type().wireName(),
                contactNo, link.contactNo(), link.linkType(), link.recordNo()));
    }

    private List<OutboundCommand> unlink(InboundMessage request) {
        String contactNo = request.recordNo();
        try {
            contactNo = KnownContacts.no("contactNo", request.recordNo());
            LinkType type = linkType(request);
            String holder = contacts.holderOf(contactNo);
            Link link = links.findByContact(holder, type).orElseThrow(() -> new LinkRefusedException(
                    notRelated(contacts.numberAndName(holder), type)));
            if (link.status() == LinkStatus.PENDING) {
                throw new LinkRefusedException(type.caption() + " " + link.recordNo()
                        + " is still being created for contact " + holder
                        + "; it can be unlinked once the finance system has created it.");
            }
            RecordRef record = new RecordRef(type.recordType(), link.recordNo());
            links.unlink(type, link.recordNo());
            groups.forgetPending(record);
            String detail = "unlinked contact:" + holder + " and " + record + " on request; both records remain";
            journal.write("contact", holder, "link-removed", request.source(), request.messageId(), null, null,
                    detail);
            journal.write(record.type().wireName(), record.no(), "link-removed", request.source(),
                    request.messageId(), null, null, detail);
            return List.of(answers.completed(request.messageId(), request.messageId(), request.type().wireName(),
                    contactNo, holder, type, link.recordNo()));
        } catch (LinkRefusedException | InvalidRequestException refused) {
            return refuse(request, contactNo, "unlink-refused", refused.getMessage());
        }
    }

    private List<OutboundCommand> refuse(InboundMessage request, String contactNo, String decision, String reason) {
        journal.write("contact", contactNo, decision, request.source(), request.messageId(), null, null,
                request.type().wireName() + " refused: " + reason);
        return List.of(answers.rejected(request.messageId(), request.messageId(), request.type().wireName(),
                contactNo, reason));
    }

    /** BC: {@code Contact CT000013 Fabrikam is not related to a customer.} */
    static String notRelated(String contactNoAndName, LinkType type) {
        return "Contact " + contactNoAndName + " is not related to a " + type.caption().toLowerCase() + ".";
    }

    private static LinkType linkType(InboundMessage request) {
        String value = request.text("linkType");
        return LinkType.fromWireName(value).orElseThrow(() -> new InvalidRequestException(
                "linkType: " + value + " is not one of customer, vendor, bankAccount"));
    }

    private static String describe(LinkSettlement.Settled settled) {
        if (settled.updates().isEmpty()) {
            return "the other side already had the same values, nothing written";
        }
        return settled.updates().entrySet().stream()
                .map(e -> e.getKey() + " gets " + e.getValue().keySet().stream().map(f -> f.fieldName())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
