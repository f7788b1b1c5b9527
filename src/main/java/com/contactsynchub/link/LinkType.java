package com.contactsynchub.link;

import java.util.Arrays;
import java.util.Optional;

import com.contactsynchub.contract.RecordType;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a contact can be linked to (BC's "Link to Table"), with BC's captions for messages. */
public enum LinkType {
    CUSTOMER("customer", "Customer", "Customers", RecordType.CUSTOMER),
    VENDOR("vendor", "Vendor", "Vendors", RecordType.VENDOR),
    BANK_ACCOUNT("bankAccount", "Bank Account", "Bank Accounts", RecordType.BANK_ACCOUNT);

    private final String wireName;
    private final String caption;
    private final String pluralCaption;
    private final RecordType recordType;

    LinkType(String wireName, String caption, String pluralCaption, RecordType recordType) {
        this.wireName = wireName;
        this.caption = caption;
        this.pluralCaption = pluralCaption;
        this.recordType = recordType;
    }

    /** The name in messages, the database and the API: {@code customer}, {@code vendor}, {@code bankAccount}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** BC's caption: {@code Customer}, {@code Vendor}, {@code Bank Account}. */
    public String caption() {
        return caption;
    }

    /** The Marketing Setup field holding this type's business relation code, as BC names it in messages. */
    public String businessRelationSetting() {
        return "Bus. Rel. Code for " + pluralCaption;
    }

    public RecordType recordType() {
        return recordType;
    }

    public static Optional<LinkType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
