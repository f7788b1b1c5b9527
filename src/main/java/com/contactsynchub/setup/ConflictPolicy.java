package com.contactsynchub.setup;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the hub resolves concurrent edits of the same field on both sides. */
public enum ConflictPolicy {
    LATEST_WINS("latest-wins"),
    CONTACT_WINS("contact-wins"),
    FINANCE_WINS("finance-wins"),
    MANUAL("manual");

    private final String wireName;

    ConflictPolicy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<ConflictPolicy> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
