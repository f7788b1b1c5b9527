package com.contactsynchub.document;

import com.contactsynchub.setup.DocumentType;

/** BC's captions of the document types, for interaction descriptions such as "Sales Quote SQ000001 printed". */
public final class DocumentCaptions {

    private DocumentCaptions() {
    }

    public static String caption(DocumentType type) {
        return switch (type) {
            case SALES_QUOTE -> "Sales Quote";
            case SALES_ORDER -> "Sales Order";
            case SALES_BLANKET_ORDER -> "Sales Blanket Order";
            case SALES_INVOICE -> "Sales Invoice";
            case SALES_CREDIT_MEMO -> "Sales Credit Memo";
            case SALES_SHIPMENT -> "Sales Shipment";
            case SALES_RETURN_ORDER -> "Sales Return Order";
            case SERVICE_ORDER -> "Service Order";
            case SERVICE_QUOTE -> "Service Quote";
            case PURCHASE_QUOTE -> "Purchase Quote";
            case PURCHASE_ORDER -> "Purchase Order";
            case PURCHASE_BLANKET_ORDER -> "Purchase Blanket Order";
            case PURCHASE_INVOICE -> "Purchase Invoice";
            case PURCHASE_CREDIT_MEMO -> "Purchase Credit Memo";
            case PURCHASE_RECEIPT -> "Purchase Receipt";
            case PURCHASE_RETURN_ORDER -> "Purchase Return Order";
        };
    }
}
