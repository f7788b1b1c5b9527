package com.contactsynchub.crash;

import java.util.Arrays;
import java.util.Optional;

/**
 * The record types the crash test edits, as named on the wire. Deliberately not the hub's own
 * {@code contract.RecordType}: the test talks to the hub as an outside system would, from the contract only.
 */
enum RecordKind {
    CONTACT("contact", "contactNo", Side.CRM),
    CUSTOMER("customer", "customerNo", Side.ERP),
    VENDOR("vendor", "vendorNo", Side.ERP);

    private final String wireName;
    private final String keyField;
    private final Side side;

    RecordKind(String wireName, String keyField, Side side) {
        this.wireName = wireName;
        this.keyField = keyField;
        this.side = side;
    }

    String wireName() {
        return wireName;
    }

    /** The body field holding the record no. ({@code contactNo}, ...). */
    String keyField() {
        return keyField;
    }

    /** The system that owns records of this kind. */
    Side side() {
        return side;
    }

    /** JMSXGroupID of the record's messages: {@code contact:CON0001} (docs/messages.md). */
    String groupId(String no) {
        return wireName + ":" + no;
    }

    String createdType() {
        return wireName + ".created";
    }

    String changedType() {
        return wireName + ".changed";
    }

    String updateType() {
        return wireName + ".update";
    }

    /** The kind whose {@code <kind>.update} command this is, if any. */
    static Optional<RecordKind> ofUpdate(String type) {
        return Arrays.stream(values()).filter(k -> k.updateType().equals(type)).findFirst();
    }
}
