package com.contactsynchub.linking;

import com.contactsynchub.intake.LockKeys;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.ContactFacts;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRefusedException;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.numberseries.NumberAllocator;
import com.contactsynchub.numberseries.NumberSeriesException;
import com.contactsynchub.setup.RecordTemplate;
import com.contactsynchub.setup.SetupService;
import com.contactsynchub.setup.TemplateKind;
import com.contactsynchub.sync.FieldValues;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code customer/vendor/bankAccount.creation.requested} (docs/domain.md, What happens 3): checks in BC's order
 * ({@link CreationRules}), a number from the type's series, the {@code <type>.create} command with the contact's
 * common fields and the template's values, and a pending link. The request is answered when the finance system
 * acknowledges the command ({@link CreationAcknowledgementHandler}); a refusal is answered at once.
 */
@Component
public class CreationRequestHandler implements EventHandler {

    private final KnownContacts contacts;
    private final KnownRecords knownRecords;
    private final LinkRegistry links;
    private final SetupService setup;
    private final NumberAllocator numbers;
    private final CommandFactory commands;
    private final PendingCreations pending;
    private final RequestAnswers answers;
    private final Journal journal;

    public CreationRequestHandler(KnownContacts contacts, KnownRecords knownRecords, LinkRegistry links,
            SetupService setup, NumberAllocator numbers, CommandFactory commands, PendingCreations pending,
            RequestAnswers answers, Journal journal) {
        this.contacts = contacts;
        this.knownRecords = knownRecords;
        this.links = links;
        this.setup = setup;
        this.numbers = numbers;
        this.commands = commands;
        this.pending = pending;
        this.answers = answers;
        this.journal = journal;
    }

    @Override
    public boolean handles(InboundMessage message) {
        return linkType(message.type()).isPresent();
    }

    @Override
    public Optional<String> lockKey(InboundMessage message) {
        try {
            return Optional.of(LockKeys.group(contacts.holderOf(KnownContacts.no("contactNo", message.recordNo()))));
        } catch (InvalidRequestException badNo) {
            return Optional.empty();
        }
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage request, Optional<KnownRecord> before) {
        LinkType type = linkType(request.type()).orElseThrow();
        String contactNo = request.recordNo();
        String templateCode = request.text("templateCode");
        try {
            contactNo = KnownContacts.no("contactNo", request.recordNo());
            ContactFacts contact = contacts.facts(contactNo);
            Optional<ContactFacts> company = contacts.company(contact);
            String holder = contact.relationHolder();
            Optional<RecordTemplate> template = templateCode == null ? Optional.empty()
                    : templateKind(type).flatMap(kind -> setup.template(kind, templateCode));
            CreationRules.Allowed allowed = CreationRules.check(type, contact, company,
                    links.findByContact(holder, type), setup.businessRelationCode(type), templateCode,
                    template.isPresent(), setup.recordNos(type));
            String recordNo = numbers.next(allowed.numberSeries());
            Link link = links.link(holder, type, recordNo, LinkStatus.PENDING);
            KnownRecord holderRecord = knownRecords.find(RecordType.CONTACT, holder).orElseThrow();
            OutboundCommand create = createCommand(request.messageId(), type, recordNo, holderRecord, template);
            pending.insert(new PendingCreation(create.commandId(), PendingCreation.Side.RECORD, request.messageId(),
                    request.type().wireName(), contactNo, link.contactNo(), type, recordNo, PendingCreation.PENDING));
            String detail = type.caption() + " " + recordNo + " (from " + allowed.numberSeries() + ") asked of the"
                    + " finance system for contact " + holder
                    + (holder.equals(contactNo) ? "" : " (the company of person " + contactNo + ")")
                    + template.map(t -> ", template " + t.code()).orElse("")
                    + "; the link is pending until the finance system confirms";
            journal.write("contact", holder, "creation-requested", request.source(), request.messageId(), null,
                    create.body().path("fields").toString(), detail);
            journal.write(type.recordType().wireName(), recordNo, "creation-requested", request.source(),
                    request.messageId(), null, create.body().path("fields").toString(), detail);
            return List.of(create);
        } catch (LinkRefusedException | InvalidRequestException | NumberSeriesException refused) {
            journal.write("contact", contactNo, "creation-refused", request.source(), request.messageId(), null, null,
                    request.type().wireName() + " refused: " + refused.getMessage());
            return List.of(answers.rejected(request.messageId(), request.messageId(), request.type().wireName(),
                    contactNo, refused.getMessage()));
        }
    }

    /**
     * The contact's common fields that the record type has, then the template's values on top: all of them in
     * {@code templateFields} (the receiving system applies them after {@code fields}), and its common fields also
     * in {@code fields}, replacing the contact's, so that {@code fields} says what the new record holds. At the
     * acknowledgement the common fields named in {@code templateFields} are the ones the new record decides.
     */
    private OutboundCommand createCommand(String causationId, LinkType type, String recordNo, KnownRecord contact,
            Optional<RecordTemplate> template) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (CommonField field : CommonField.of(type.recordType())) {
            if (contact.fields().has(field.fieldName())) {
                var value = contact.fields().get(field.fieldName());
                fields.put(field.fieldName(), FieldValues.normalize(field, value.isNull() ? null : value.asText()));
            }
        }
        ObjectNode templateFields = JsonNodeFactory.instance.objectNode();
        template.ifPresent(t -> t.values().forEach((name, value) -> {
            templateFields.put(name, value);
            CommonField.fromFieldName(name).filter(field -> field.appliesTo(type.recordType()))
                    .ifPresent(field -> fields.put(name, FieldValues.normalize(field, value)));
        }));
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("fields", fields);
        if (template.isPresent()) {
            payload.set("templateFields", templateFields);
        }
        if (type == LinkType.CUSTOMER) {
            payload.put("contactType", contact.isPerson() ? "person" : "company");
        }
        return commands.create(causationId, createType(type), type.recordType().wireName() + ":" + recordNo,
                type.recordType().keyField(), recordNo, payload);
    }

    static Optional<LinkType> linkType(MessageType type) {
        return Optional.ofNullable(switch (type) {
            case CUSTOMER_CREATION_REQUESTED -> LinkType.CUSTOMER;
            case VENDOR_CREATION_REQUESTED -> LinkType.VENDOR;
            case BANK_ACCOUNT_CREATION_REQUESTED -> LinkType.BANK_ACCOUNT;
            default -> null;
        });
    }

    private static Optional<TemplateKind> templateKind(LinkType type) {
        return switch (type) {
            case CUSTOMER -> Optional.of(TemplateKind.CUSTOMER);
            case VENDOR -> Optional.of(TemplateKind.VENDOR);
            case BANK_ACCOUNT -> Optional.empty();
        };
    }

    private static MessageType createType(LinkType type) {
        return switch (type) {
            case CUSTOMER -> MessageType.CUSTOMER_CREATE;
            case VENDOR -> MessageType.VENDOR_CREATE;
            case BANK_ACCOUNT -> MessageType.BANK_ACCOUNT_CREATE;
        };
    }
}
