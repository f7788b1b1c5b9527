package com.contactsynchub.document;

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
import com.contactsynchub.link.LinkType;
import com.contactsynchub.setup.DocumentType;
import com.contactsynchub.setup.SetupService;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document printed or e-mailed by the finance system (docs/domain.md, What happens 7): logs an interaction on the
 * contact linked to the document's customer or vendor through {@code interaction.record}, or journals why not.
 */
@Component
class DocumentOutputHandler implements EventHandler {

    private final SetupService setup;
    private final LinkRegistry links;
    private final KnownRecords knownRecords;
    private final DocumentStore store;
    private final Journal journal;
    private final CommandFactory commands;

    DocumentOutputHandler(SetupService setup, LinkRegistry links, KnownRecords knownRecords, DocumentStore store,
            Journal journal, CommandFactory commands) {
        this.setup = setup;
        this.links = links;
        this.knownRecords = knownRecords;
        this.store = store;
        this.journal = journal;
        this.commands = commands;
    }

    @Override
    public boolean handles(InboundMessage message) {
        return message.type() == MessageType.DOCUMENT_PRINTED || message.type() == MessageType.DOCUMENT_EMAILED;
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
        DocumentType documentType = DocumentType.fromWireName(message.text("documentType")).orElseThrow();
        String documentNo = message.text("documentNo");
        boolean customer = message.text("customerNo") != null;
        LinkType relation = customer ? LinkType.CUSTOMER : LinkType.VENDOR;
        String recordNo = customer ? message.text("customerNo") : message.text("vendorNo");
        String named = message.text("contactNo");
        var report = new InteractionRules.Report(documentType, documentNo,
                message.type() == MessageType.DOCUMENT_PRINTED ? InteractionRules.Output.PRINTED
                        : InteractionRules.Output.EMAILED,
                relation, recordNo, named, message.text("description"));
        var decision = InteractionRules.decide(report, setup.interactionTemplate(documentType),
                links.findByRecord(relation, recordNo),
                Optional.ofNullable(named).flatMap(no -> knownRecords.find(RecordType.CONTACT, no))
                        .map(DocumentContact::of));
        if (decision instanceof InteractionRules.Skip skip) {
            journal.write("document", documentNo, "interaction-skipped", message.source(), message.messageId(), null,
                    null, skip.reason());
            return List.of();
        }
        var log = (InteractionRules.Log) decision;
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("templateCode", log.templateCode());
        payload.put("description", log.description());
        payload.put("documentType", documentType.wireName());
        payload.put("documentNo", documentNo);
        OutboundCommand record = commands.create(message.messageId(), MessageType.INTERACTION_RECORD,
                "contact:" + log.contactNo(), "contactNo", log.contactNo(), payload);
        store.insert(new DocumentInteraction(record.commandId(), message.messageId(), documentNo,
                documentType.wireName(), report.output().word(), log.contactNo(), log.templateCode(), null, null,
                null, null));
        String detail = "interaction " + log.templateCode() + " \"" + log.description() + "\" " + log.detail();
        journal.write("document", documentNo, "interaction-logged", message.source(), message.messageId(), null,
                null, detail);
        journal.write("contact", log.contactNo(), "interaction-logged", message.source(), message.messageId(), null,
                null, detail);
        return List.of(record);
    }
}
