package com.contactsynchub.setup;

import com.contactsynchub.contract.RecordType;

/** Customer templates and vendor templates are kept apart, as in BC. */
public enum TemplateKind {
    CUSTOMER("customer", "customerTemplates"),
    VENDOR("vendor", "vendorTemplates");

    private final String wireName;
    private final String setupField;

    TemplateKind(String wireName, String setupField) {
        this.wireName = wireName;
        this.setupField = setupField;
    }

    /** The record a template of this kind makes. */
    public RecordType recordType() {
        return this == CUSTOMER ? RecordType.CUSTOMER : RecordType.VENDOR;
    }

    public String wireName() {
        return wireName;
    }

    /** The field of {@link MarketingSetup} that lists these templates, for problem messages. */
    public String setupField() {
        return setupField;
    }
}
