package com.contactsynchub.document;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.CustomerLinkListener;
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
    private final Journal journal;
    private final CommandFactory commands;

    QuoteCustomerAssigner(DocumentStore store, KnownRecords knownRecords, Journal journal, CommandFactory commands) {
        this.store = store;
        this.knownRecords = knownRecords;
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
            ObjectNode payload = JsonNodeFactory.instance.objectNode().put("customerNo", customerNo);
            OutboundCommand update = commands.create(causationId, MessageType.DOCUMENT_UPDATE,
                    "document:" + quote.documentNo(), "documentNo", quote.documentNo(), payload);
            if (store.assignCustomer(quote.requestId(), customerNo, update.commandId())) {
                out.add(update);
                journal.write("document", quote.documentNo(), "quote-customer-sent", "hub", causationId, null, null,
                        "contact " + holder + " is now linked to customer " + customerNo + ": sales quote "
                                + quote.documentNo() + " (for contact " + quote.contactNo()
                                + ") gets it; document.update sent");
            }
        }
        return out;
    }
}
