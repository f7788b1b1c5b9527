package com.contactsynchub.intake;

import java.time.OffsetDateTime;

import com.contactsynchub.contract.RecordType;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hub's knowledge of one record.
 *
 * @param contactType {@code company} or {@code person} for contacts (and customers, which have a contact type)
 * @param companyNo   a person contact's company, if any
 * @param fields      the common fields as last received
 */
public record KnownRecord(RecordType type, String no, String contactType, String companyNo, boolean privacyBlocked,
        boolean deleted, Long version, OffsetDateTime occurredAt, ObjectNode fields) {

    public boolean isPerson() {
        return "person".equals(contactType);
    }
}
