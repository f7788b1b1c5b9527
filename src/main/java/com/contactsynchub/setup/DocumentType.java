package com.contactsynchub.setup;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The document types Marketing Setup can name an interaction template for (BC's Interaction Template Setup). */
public enum DocumentType {
    SALES_QUOTE("salesQuote"),
    SALES_ORDER("salesOrder"),
    SALES_BLANKET_ORDER("salesBlanketOrder"),
    SALES_INVOICE("salesInvoice"),
    SALES_CREDIT_MEMO("salesCreditMemo"),
    SALES_SHIPMENT("salesShipment"),
    SALES_RETURN_ORDER("salesReturnOrder"),
    SERVICE_ORDER("serviceOrder"),
    SERVICE_QUOTE("serviceQuote"),
    PURCHASE_QUOTE("purchaseQuote"),
    PURCHASE_ORDER("purchaseOrder"),
    PURCHASE_BLANKET_ORDER("purchaseBlanketOrder"),
    PURCHASE_INVOICE("purchaseInvoice"),
    PURCHASE_CREDIT_MEMO("purchaseCreditMemo"),
    PURCHASE_RECEIPT("purchaseReceipt"),
    PURCHASE_RETURN_ORDER("purchaseReturnOrder");

    private final String wireName;

    DocumentType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<DocumentType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
