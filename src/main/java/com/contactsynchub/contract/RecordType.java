package com.contactsynchub.contract;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of record the two systems own, with the name of their key field in messages. */
public enum RecordType {
    CONTACT("contact", "contactNo"),
    CUSTOMER("customer", "customerNo"),
    VENDOR("vendor", "vendorNo"),
    BANK_ACCOUNT("bankAccount", "bankAccountNo");

    private final String wireName;
    private final String keyField;

    RecordType(String wireName, String keyField) {
        this.wireName = wireName;
        this.keyField = keyField;
    }

    /** The name used in messages, the database and the API: {@code contact}, {@code bankAccount}, ... */
    public String wireName() {
        return wireName;
    }

    /** The message field holding the record's no.: {@code contactNo}, {@code customerNo}, ... */
    public String keyField() {
        return keyField;
    }

    public static Optional<RecordType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
