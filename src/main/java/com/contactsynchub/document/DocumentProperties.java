package com.contactsynchub.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.documents.number-series.<documentType>}: the number series each requested document type is numbered
 * from, e.g. {@code salesQuote: S-QUO}. Every type must have one; a missing or unknown entry stops the start with
 * a message naming it, rather than refusing every request of that type later.
 */
@ConfigurationProperties("hub.documents")
public record DocumentProperties(Map<String, String> numberSeries) {

    public DocumentProperties {
        numberSeries = numberSeries == null ? Map.of() : Map.copyOf(numberSeries);
        List<String> problems = new ArrayList<>();
        for (RequestedDocumentType type : RequestedDocumentType.values()) {
            String code = numberSeries.get(type.wireName());
            if (code == null || code.isBlank()) {
                problems.add("hub.documents.number-series." + type.wireName() + ": must name a number series");
            }
        }
        for (String key : numberSeries.keySet()) {
            if (RequestedDocumentType.fromWireName(key).isEmpty()) {
                problems.add("hub.documents.number-series." + key + ": not a document type that can be requested ("
                        + Arrays.stream(RequestedDocumentType.values()).map(RequestedDocumentType::wireName).toList()
                        + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    public String seriesFor(RequestedDocumentType type) {
        return numberSeries.get(type.wireName()).strip().toUpperCase(java.util.Locale.ROOT);
    }
}
