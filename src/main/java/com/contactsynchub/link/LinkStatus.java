package com.contactsynchub.link;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code pending}: the hub asked the finance system to create the record from the contact and waits for its
 * acknowledgement. A pending link already occupies both unique slots, so nobody else can link the contact's type
 * or the promised record number in the meantime.
 */
public enum LinkStatus {
    ACTIVE("active"),
    PENDING("pending");

    private final String wireName;

    LinkStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<LinkStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
