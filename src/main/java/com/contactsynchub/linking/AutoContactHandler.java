package com.contactsynchub.linking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecord;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.link.Link;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkRepository;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.numberseries.NumberAllocator;
import com.contactsynchub.numberseries.NumberSeriesException;
import com.contactsynchub.setup.SetupService;
import com.contactsynchub.sync.FieldValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A contact for every new customer, vendor and bank account of the finance system (docs/domain.md, What happens 5):
 * when the record has no link (not even a pending one: then the hub itself made it from a contact) and the type's
 * business relation code is set up, a contact numbered from Contact Nos. is asked of the contact system and linked,
 * pending until the contact system acknowledges ({@link CreationAcknowledgementHandler}).
 */
@Component
public class AutoContactHandler implements EventHandler {

    /** BC's error when Contact Nos. is blank in Marketing Setup. */
    public static final String CONTACT_NOS_MISSING = "Contact Nos. must have a value in Marketing Setup.";

    private final LinkRegistry links;
    private final LinkRepository linkRows;
    private final SetupService setup;
    private final NumberAllocator numbers;
    private final CommandFactory commands;
    private final PendingCreations pending;
    private final Journal journal;
    private final Clock clock;

    public AutoContactHandler(LinkRegistry links, LinkRepository linkRows, SetupService setup,
            NumberAllocator numbers, CommandFactory commands, PendingCreations pending, Journal journal, Clock clock) {
        this.links = links;
        this.linkRows = linkRows;
        this.setup = setup;
        this.numbers = numbers;
        this.commands = commands;
        this.pending = pending;
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public boolean handles(InboundMessage message) {
        return linkType(message.type()).isPresent();
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage event, Optional<KnownRecord> before) {
        LinkType type = linkType(event.type()).orElseThrow();
        String recordType = type.recordType().wireName();
        String recordNo = event.recordNo();
        Optional<Link> existing = links.findByRecord(type, recordNo);
        if (existing.isPresent()) {
            journal.write(recordType, recordNo, "auto-contact-skipped", event.source(), event.messageId(), null, null,
                    "linked already with contact " + existing.get().contactNo() + " (" + existing.get().status()
                            .wireName() + "): the hub created it from that contact, so no contact is created for it");
            return List.of();
        }
        Optional<String> code = setup.businessRelationCode(type).filter(c -> !c.isBlank());
        if (code.isEmpty()) {
            journal.write(recordType, recordNo, "auto-contact-skipped", event.source(), event.messageId(), null, null,
                    type.businessRelationSetting() + " is blank in Marketing Setup: no contact is created for new "
                            + type.caption().toLowerCase() + " records");
            return List.of();
        }
        String contactNo;
        try {
            String series = setup.contactNos().filter(s -> !s.isBlank())
                    .orElseThrow(() -> new NumberSeriesException(CONTACT_NOS_MISSING));
            contactNo = numbers.next(series);
        } catch (NumberSeriesException e) {
            // Nothing is created; the event stays in inbound_message to be replayed once the setup is fixed.
            journal.write(recordType, recordNo, "auto-contact-failed", event.source(), event.messageId(), null, null,
                    "no contact is created for " + recordType + ":" + recordNo + ": " + e.getMessage());
            return List.of();
        }
        linkRows.insert(new Link(contactNo, code.get(), type, recordNo, LinkStatus.PENDING,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS)));
        OutboundCommand create = createContact(event, type, contactNo);
        pending.insert(new PendingCreation(create.commandId(), PendingCreation.Side.CONTACT, event.messageId(),
                event.type().wireName(), contactNo, contactNo, type, recordNo, PendingCreation.PENDING));
        String detail = "contact " + contactNo + " (" + create.body().path("contactType").asText()
                + ") asked of the contact system for new " + recordType + ":" + recordNo
                + "; the link is pending until the contact system confirms";
        journal.write(recordType, recordNo, "auto-contact-requested", event.source(), event.messageId(), null,
                create.body().path("fields").toString(), detail);
        journal.write("contact", contactNo, "auto-contact-requested", event.source(), event.messageId(), null,
                create.body().path("fields").toString(), detail);
        return List.of(create);
    }

    /** Vendors' and bank accounts' contacts are companies; a customer's follows the customer's contact type. */
    private OutboundCommand createContact(InboundMessage event, LinkType type, String contactNo) {
        String contactType = type == LinkType.CUSTOMER && "person".equals(event.text("contactType")) ? "person"
                : "company";
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        JsonNode incoming = event.body().path("fields");
        for (CommonField field : CommonField.of(type.recordType())) {
            if (incoming.has(field.fieldName())) {
                JsonNode value = incoming.get(field.fieldName());
                fields.put(field.fieldName(), FieldValues.normalize(field, value.isNull() ? null : value.asText()));
            }
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("contactType", contactType);
        payload.set("fields", fields);
        return commands.create(event.messageId(), MessageType.CONTACT_CREATE, RecordType.CONTACT.wireName() + ":"
                + contactNo, RecordType.CONTACT.keyField(), contactNo, payload);
    }

    static Optional<LinkType> linkType(MessageType type) {
        return Optional.ofNullable(switch (type) {
            case CUSTOMER_CREATED -> LinkType.CUSTOMER;
            case VENDOR_CREATED -> LinkType.VENDOR;
            case BANK_ACCOUNT_CREATED -> LinkType.BANK_ACCOUNT;
            default -> null;
        });
    }
}
