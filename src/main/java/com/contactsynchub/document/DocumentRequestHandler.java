package com.contactsynchub.document;

import com.contactsynchub.intake.LockKeys;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.numberseries.NumberAllocator;
import com.contactsynchub.numberseries.NumberSeriesException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sales or purchase document requested from a contact (docs/domain.md, What happens 6): resolves the customer or
 * vendor through the contact's (company's) link, takes the document no. from the type's number series and asks the
 * finance system with {@code document.create}; a refusal is answered at once with {@code request.rejected}. The
 * requester's {@code request.completed} waits for the finance system's acknowledgement (see
 * {@link DocumentAcknowledgementHandler}).
 */
@Component
class DocumentRequestHandler implements EventHandler {

    private final KnownRecords knownRecords;
    private final LinkRegistry links;
    private final NumberAllocator numbers;
    private final DocumentProperties properties;
    private final DocumentStore store;
    private final Journal journal;
    private final CommandFactory commands;

    DocumentRequestHandler(KnownRecords knownRecords, LinkRegistry links, NumberAllocator numbers,
            DocumentProperties properties, DocumentStore store, Journal journal, CommandFactory commands) {
        this.knownRecords = knownRecords;
        this.links = links;
        this.numbers = numbers;
        this.properties = properties;
        this.store = store;
        this.journal = journal;
        this.commands = commands;
    }

    @Override
    public boolean handles(InboundMessage message) {
        return message.type() == MessageType.DOCUMENT_REQUESTED;
    }

    /**
     * Requests are serialised with everything else about the contact holding the relations (a person's company):
     * linking an unlinked company takes this same lock, so a sales quote is either seen by the customer link
     * (and given the customer) or sees the link itself. See also {@link QuoteCustomerAssigner#customerSince}.
     */
    @Override
    public Optional<String> lockKey(InboundMessage message) {
        String holder = knownRecords.find(RecordType.CONTACT, message.recordNo()).map(DocumentContact::of)
                .map(DocumentContact::relationHolder).orElse(message.recordNo());
        return Optional.of(LockKeys.group(holder));
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
        String contactNo = message.recordNo();
        RequestedDocumentType type = RequestedDocumentType.fromWireName(message.text("documentType")).orElseThrow();
        Optional<DocumentContact> contact = before.map(DocumentContact::of);
        Optional<DocumentContact> company = contact.map(DocumentContact::companyNo)
                .flatMap(companyNo -> knownRecords.find(RecordType.CONTACT, companyNo)).map(DocumentContact::of);
        String holder = contact.map(DocumentContact::relationHolder).orElse(contactNo);
        var verdict = DocumentRequestRules.check(contactNo, type, contact, company,
                contact.isPresent() ? links.relationsOf(contactNo) : List.of());
        if (verdict instanceof DocumentRequestRules.Refused refused) {
            return refuse(message, contactNo, holder, type, refused.reason());
        }
        var allowed = (DocumentRequestRules.Allowed) verdict;
        String documentNo;
        try {
            documentNo = numbers.next(properties.seriesFor(type));
        } catch (NumberSeriesException e) {
            return refuse(message, contactNo, holder, type, "No " + DocumentCaptions.caption(type.documentType())
                    + " can be numbered from series " + properties.seriesFor(type) + " (hub.documents.number-series."
                    + type.wireName() + "): " + e.getMessage());
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("documentType", type.wireName());
        if (allowed.customerNo() != null) {
            payload.put("customerNo", allowed.customerNo());
        }
        if (allowed.vendorNo() != null) {
            payload.put("vendorNo", allowed.vendorNo());
        }
        payload.put("contactNo", contactNo);
        payload.set("lines", message.body().get("lines").deepCopy());
        OutboundCommand create = commands.create(message.messageId(), MessageType.DOCUMENT_CREATE,
                "document:" + documentNo, "documentNo", documentNo, payload);
        store.insert(new DocumentRequest(message.messageId(), contactNo, allowed.relationHolderNo(), type.wireName(),
                documentNo, allowed.customerNo(), allowed.vendorNo(), create.commandId(), DocumentRequest.REQUESTED,
                null, null, null, null));
        String madeOutTo = allowed.customerNo() != null ? "customer " + allowed.customerNo()
                : allowed.vendorNo() != null ? "vendor " + allowed.vendorNo()
                : "no customer yet (contact " + contactNo + " is not related to a customer)";
        String detail = DocumentCaptions.caption(type.documentType()) + " " + documentNo + " for contact " + contactNo
                + (allowed.relationHolderNo().equals(contactNo) ? "" : " of company " + allowed.relationHolderNo())
                + ", made out to " + madeOutTo + "; document.create sent, waiting for the finance system";
        journal.write("document", documentNo, "document-requested", message.source(), message.messageId(), null,
                null, detail);
        journal.write("contact", contactNo, "document-requested", message.source(), message.messageId(), null, null,
                detail);
        return List.of(create);
    }

    private List<OutboundCommand> refuse(InboundMessage message, String contactNo, String holder,
            RequestedDocumentType type, String reason) {
        store.insert(new DocumentRequest(message.messageId(), contactNo, holder, type.wireName(), null, null, null,
                null, DocumentRequest.REJECTED, reason, null, null, null));
        journal.write("contact", contactNo, "document-refused", message.source(), message.messageId(), null, null,
                DocumentCaptions.caption(type.documentType()) + " refused: " + reason);
        return List.of(DocumentAnswers.rejected(commands, message.messageId(), message.messageId(), contactNo,
                reason));
    }
}
