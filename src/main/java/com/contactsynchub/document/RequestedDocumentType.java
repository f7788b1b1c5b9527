package com.contactsynchub.document;

import java.util.Arrays;
import java.util.Optional;

import com.contactsynchub.link.LinkType;
import com.contactsynchub.setup.DocumentType;

/**
 * The documents a contact can ask for (docs/domain.md, What happens 6): which relation they are made out to, and
 * whether they can be made without it (only a sales quote, which then carries only the contact).
 */
public enum RequestedDocumentType {
    SALES_QUOTE(DocumentType.SALES_QUOTE, LinkType.CUSTOMER, false),
    SALES_ORDER(DocumentType.SALES_ORDER, LinkType.CUSTOMER, true),
    PURCHASE_QUOTE(DocumentType.PURCHASE_QUOTE, LinkType.VENDOR, true),
    PURCHASE_ORDER(DocumentType.PURCHASE_ORDER, LinkType.VENDOR, true);

    private final DocumentType documentType;
    private final LinkType relation;
    private final boolean relationRequired;

    RequestedDocumentType(DocumentType documentType, LinkType relation, boolean relationRequired) {
        this.documentType = documentType;
        this.relation = relation;
        this.relationRequired = relationRequired;
    }

    public String wireName() {
        return documentType.wireName();
    }

    public DocumentType documentType() {
        return documentType;
    }

    /** Customer for sales documents, vendor for purchase documents. */
    public LinkType relation() {
        return relation;
    }

    public boolean relationRequired() {
        return relationRequired;
    }

    public static Optional<RequestedDocumentType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
