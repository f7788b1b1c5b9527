package com.contactsynchub.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.journal.Journal;

/**
 * The systems' acknowledgements of this feature's commands. A {@code document.create} applied completes the
 * request ({@code request.completed}), rejected refuses it with the finance system's reason; each is answered once,
 * however often the acknowledgement comes. A refused {@code document.update} leaves the quote open for the next
 * customer; a refused {@code interaction.record} is journalled.
 */
@Component
class DocumentAcknowledgementHandler implements EventHandler {

    private static final String APPLIED = "applied";

    private final DocumentStore store;
    private final Journal journal;
    private final CommandFactory commands;
    private final QuoteCustomerAssigner quoteCustomers;

    DocumentAcknowledgementHandler(DocumentStore store, Journal journal, CommandFactory commands,
            QuoteCustomerAssigner quoteCustomers) {
        this.store = store;
        this.journal = journal;
        this.commands = commands;
        this.quoteCustomers = quoteCustomers;
    }

    @Override
    public boolean handles(InboundMessage message) {
        return message.type() == MessageType.COMMAND_ACKNOWLEDGED && store.isOurCommand(message.text("commandId"));
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
        String commandId = message.text("commandId");
        boolean applied = APPLIED.equals(message.text("status"));
        String reason = message.text("reason");
        Optional<DocumentRequest> created = store.findByCreateCommand(commandId);
        if (created.isPresent()) {
            return documentCreated(message, created.get(), applied, reason);
        }
        Optional<DocumentRequest> updated = store.findByCustomerCommand(commandId);
        if (updated.isPresent()) {
            customerAssigned(message, updated.get(), applied, reason);
            return List.of();
        }
        store.findInteraction(commandId).ifPresent(i -> interactionLogged(message, i, applied, reason));
        return List.of();
    }

    private List<OutboundCommand> documentCreated(InboundMessage message, DocumentRequest request, boolean applied,
            String reason) {
        String documentNo = request.documentNo();
        String status = applied ? DocumentRequest.CREATED : DocumentRequest.REJECTED;
        String why = reason == null || reason.isBlank() ? "the finance system rejected document " + documentNo
                : reason;
        if (!store.finish(request.requestId(), status, applied ? null : why)) {
            journal.write("document", documentNo, "acknowledgement-repeated", message.source(), message.messageId(),
                    null, null, "document.create " + message.text("commandId") + " was acknowledged ("
                            + message.text("status") + ") before; the request was answered then ("
                            + request.status() + ")");
            return List.of();
        }
        if (applied) {
            journal.write("document", documentNo, "document-created", message.source(), message.messageId(), null,
                    null, "the finance system created " + request.documentType() + " " + documentNo
                            + "; request " + request.requestId() + " completed");
            DocumentRequest done = store.find(request.requestId()).orElseThrow();
            List<OutboundCommand> out = new ArrayList<>();
            out.add(DocumentAnswers.completed(commands, message.messageId(), done));
            quoteCustomers.customerSince(done, message.messageId()).ifPresent(out::add);
            return out;
        }
        journal.write("document", documentNo, "document-rejected", message.source(), message.messageId(), null,
                null, "the finance system rejected " + request.documentType() + " " + documentNo + ": " + why
                        + "; request " + request.requestId() + " rejected");
        return List.of(DocumentAnswers.rejected(commands, message.messageId(), request.requestId(),
                request.contactNo(), why));
    }

    private void customerAssigned(InboundMessage message, DocumentRequest quote, boolean applied, String reason) {
        if (applied) {
            journal.write("document", quote.documentNo(), "quote-customer-applied", message.source(),
                    message.messageId(), null, null, "the finance system gave sales quote " + quote.documentNo()
                            + " customer " + quote.customerNo());
            return;
        }
        store.withdrawCustomer(message.text("commandId"), reason);
        journal.write("document", quote.documentNo(), "quote-customer-refused", message.source(),
                message.messageId(), null, null, "the finance system refused customer " + quote.customerNo()
                        + " on sales quote " + quote.documentNo() + ": " + reason
                        + "; the quote stays without a customer");
    }

    private void interactionLogged(InboundMessage message, DocumentInteraction interaction, boolean applied,
            String reason) {
        if (!store.acknowledgeInteraction(interaction.commandId(), applied ? APPLIED : "rejected", reason)
                || applied) {
            return;
        }
        journal.write("document", interaction.documentNo(), "interaction-rejected", message.source(),
                message.messageId(), null, null, "the contact system refused interaction " + interaction.templateCode()
                        + " on contact " + interaction.contactNo() + ": " + reason);
    }
}
