package com.contactsynchub.setup;

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

    public String wireName() {
        return wireName;
    }

    /** The field of {@link MarketingSetup} that lists these templates, for problem messages. */
    public String setupField() {
        return setupField;
    }
}
