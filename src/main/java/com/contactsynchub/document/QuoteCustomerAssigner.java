package com.contactsynchub.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.CustomerLinkListener;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * When a contact gets a customer, the open sales quotes made for it, or for the persons of its company, while it
 * had none get that customer ({@code document.update} to the finance system), as BC's quote takes the customer
 * once the contact is one.
 */
@Component
class QuoteCustomerAssigner implements CustomerLinkListener {

    private final DocumentStore store;
    private final KnownRecords knownRecords;
    private final LinkRegistry links;
    private final Journal journal;
    private final CommandFactory commands;

    QuoteCustomerAssigner(DocumentStore store, KnownRecords knownRecords, LinkRegistry links, Journal journal,
            CommandFactory commands) {
        this.store = store;
        this.knownRecords = knownRecords;
        this.links = links;
        this.journal = journal;
        this.commands = commands;
    }

    @Override
    public List<OutboundCommand> customerLinked(String contactNo, String customerNo, String causationId) {
        // The linking feature names the company; a person's number would still mean its company's relations.
        String holder = knownRecords.find(RecordType.CONTACT, contactNo).map(DocumentContact::of)
                .map(DocumentContact::relationHolder).orElse(contactNo);
        List<OutboundCommand> out = new ArrayList<>();
        for (DocumentRequest quote : store.openQuotesWithoutCustomer(holder)) {
            assign(quote, holder, customerNo, causationId).ifPresent(out::add);
        }
        return out;
    }

    /**
     * A backstop for a quote requested while its contact was being linked to a customer in another transaction:
     * when the finance system confirms the quote, a customer the contact has by then is given to it.
     */
    Optional<OutboundCommand> customerSince(DocumentRequest quote, String causationId) {
        if (!"salesQuote".equals(quote.documentType()) || quote.customerNo() != null) {
            return Optional.empty();
        }
        return links.findByContact(quote.relationHolderNo(), LinkType.CUSTOMER)
                .filter(l -> l.status() == LinkStatus.ACTIVE)
                .flatMap(l -> assign(quote, quote.relationHolderNo(), l.recordNo(), causationId));
    }

    private Optional<OutboundCommand> assign(DocumentRequest quote, String holder, String customerNo,
            String causationId) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("customerNo", customerNo);
        OutboundCommand update = commands.create(causationId, MessageType.DOCUMENT_UPDATE,
                "document:" + quote.documentNo(), "documentNo", quote.documentNo(), payload);
        if (!store.assignCustomer(quote.requestId(), customerNo, update.commandId())) {
            return Optional.empty();
        }
        journal.write("document", quote.documentNo(), "quote-customer-sent", "hub", causationId, null, null,
                "contact " + holder + " is linked to customer " + customerNo + ": sales quote " + quote.documentNo()
                        + " (for contact " + quote.contactNo() + ") gets it; document.update sent");
        return Optional.of(update);
    }
}
