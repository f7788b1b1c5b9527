package com.contactsynchub.setup;

import java.util.Map;
import java.util.TreeMap;

/**
 * A customer or vendor template: field values applied, after the contact's common fields, to a record created from
 * a contact. Finance-only fields (posting groups, payment terms, ...) and common fields of the record's type
 * (Country/Region Code, Currency Code, ...) alike; where both set a common field the template wins, as in BC.
 *
 * @param values field name (e.g. {@code customerPostingGroup}, {@code currencyCode}) to value
 */
public record RecordTemplate(String code, String description, Map<String, String> values) {

    public static final int CODE_LENGTH = 20;
    public static final int DESCRIPTION_LENGTH = 100;
    public static final int FIELD_NAME_LENGTH = 60;
    public static final int VALUE_LENGTH = 250;

    public RecordTemplate {
        // Sorted so that the API and tests see the same order whatever the source.
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
