package com.contactsynchub.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DocumentPropertiesTest {

    @Test
    void everyRequestableTypeNeedsASeriesAndUnknownTypesAreNamed() {
        assertThatThrownBy(() -> new DocumentProperties(Map.of("salesQuote", "S-QUO", "salesInvoice", "S-INV")))
                .hasMessageContaining("hub.documents.number-series.salesOrder: must name a number series")
                .hasMessageContaining("hub.documents.number-series.purchaseQuote: must name a number series")
                .hasMessageContaining("hub.documents.number-series.salesInvoice: not a document type");
    }

    @Test
    void seriesCodesAreReadAsCodes() {
        var properties = new DocumentProperties(Map.of("salesQuote", " s-quo ", "salesOrder", "S-ORD",
                "purchaseQuote", "P-QUO", "purchaseOrder", "P-ORD"));
        assertThat(properties.seriesFor(RequestedDocumentType.SALES_QUOTE)).isEqualTo("S-QUO");
    }
}
