package com.contactsynchub.contract;

import static com.contactsynchub.contract.Channel.CRM_COMMANDS;
import static com.contactsynchub.contract.Channel.CRM_EVENTS;
import static com.contactsynchub.contract.Channel.ERP_COMMANDS;
import static com.contactsynchub.contract.Channel.ERP_EVENTS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every message type of docs/messages.md, with the channels it may travel on, the record it is about and the
 * field holding that record's key. Each type has a JSON Schema at {@link #schemaResource()}.
 */
public enum MessageType {
    // contact system -> hub
    CONTACT_CREATED("contact.created", RecordType.CONTACT, CRM_EVENTS),
    CONTACT_CHANGED("contact.changed", RecordType.CONTACT, CRM_EVENTS),
    CONTACT_DELETED("contact.deleted", RecordType.CONTACT, CRM_EVENTS),
    LINK_REQUESTED("link.requested", RecordType.CONTACT, CRM_EVENTS),
    UNLINK_REQUESTED("unlink.requested", RecordType.CONTACT, CRM_EVENTS),
    CUSTOMER_CREATION_REQUESTED("customer.creation.requested", RecordType.CONTACT, CRM_EVENTS),
    VENDOR_CREATION_REQUESTED("vendor.creation.requested", RecordType.CONTACT, CRM_EVENTS),
    BANK_ACCOUNT_CREATION_REQUESTED("bankAccount.creation.requested", RecordType.CONTACT, CRM_EVENTS),
    DOCUMENT_REQUESTED("document.requested", RecordType.CONTACT, CRM_EVENTS),

    // finance system -> hub
    CUSTOMER_CREATED("customer.created", RecordType.CUSTOMER, ERP_EVENTS),
    CUSTOMER_CHANGED("customer.changed", RecordType.CUSTOMER, ERP_EVENTS),
    CUSTOMER_DELETED("customer.deleted", RecordType.CUSTOMER, ERP_EVENTS),
    VENDOR_CREATED("vendor.created", RecordType.VENDOR, ERP_EVENTS),
    VENDOR_CHANGED("vendor.changed", RecordType.VENDOR, ERP_EVENTS),
    VENDOR_DELETED("vendor.deleted", RecordType.VENDOR, ERP_EVENTS),
    BANK_ACCOUNT_CREATED("bankAccount.created", RecordType.BANK_ACCOUNT, ERP_EVENTS),
    BANK_ACCOUNT_CHANGED("bankAccount.changed", RecordType.BANK_ACCOUNT, ERP_EVENTS),
    BANK_ACCOUNT_DELETED("bankAccount.deleted", RecordType.BANK_ACCOUNT, ERP_EVENTS),
    DOCUMENT_PRINTED("document.printed", null, ERP_EVENTS),
    DOCUMENT_EMAILED("document.emailed", null, ERP_EVENTS),

    // either system -> hub
    COMMAND_ACKNOWLEDGED("command.acknowledged", null, CRM_EVENTS, ERP_EVENTS),

    // hub -> finance system
    CUSTOMER_CREATE("customer.create", RecordType.CUSTOMER, ERP_COMMANDS),
    CUSTOMER_UPDATE("customer.update", RecordType.CUSTOMER, ERP_COMMANDS),
    VENDOR_CREATE("vendor.create", RecordType.VENDOR, ERP_COMMANDS),
    VENDOR_UPDATE("vendor.update", RecordType.VENDOR, ERP_COMMANDS),
    BANK_ACCOUNT_CREATE("bankAccount.create", RecordType.BANK_ACCOUNT, ERP_COMMANDS),
    BANK_ACCOUNT_UPDATE("bankAccount.update", RecordType.BANK_ACCOUNT, ERP_COMMANDS),
    DOCUMENT_CREATE("document.create", null, ERP_COMMANDS),
    DOCUMENT_UPDATE("document.update", null, ERP_COMMANDS),

    // hub -> contact system
    CONTACT_CREATE("contact.create", RecordType.CONTACT, CRM_COMMANDS),
    CONTACT_UPDATE("contact.update", RecordType.CONTACT, CRM_COMMANDS),
    INTERACTION_RECORD("interaction.record", RecordType.CONTACT, CRM_COMMANDS),
    REQUEST_COMPLETED("request.completed", null, CRM_COMMANDS),
    REQUEST_REJECTED("request.rejected", null, CRM_COMMANDS);

    private static final Map<String, MessageType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MessageType::wireName, Function.identity()));

    private final String wireName;
    private final RecordType recordType;
    private final Set<Channel> channels;

    MessageType(String wireName, RecordType recordType, Channel first, Channel... more) {
        this.wireName = wireName;
        this.recordType = recordType;
        this.channels = EnumSet.of(first, more);
    }

    /** The value of the envelope's {@code type} field. */
    public String wireName() {
        return wireName;
    }

    /** The record the message is about, found under {@link RecordType#keyField()}; empty for documents and answers. */
    public Optional<RecordType> recordType() {
        return Optional.ofNullable(recordType);
    }

    public boolean travelsOn(Channel channel) {
        return channels.contains(channel);
    }

    public Set<Channel> channels() {
        return channels;
    }

    public String schemaResource() {
        return "schemas/" + wireName + ".schema.json";
    }

    public static Optional<MessageType> fromWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
