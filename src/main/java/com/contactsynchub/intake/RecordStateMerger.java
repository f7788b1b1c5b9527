package com.contactsynchub.intake;

import java.util.Optional;

import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Folds a record event (created, changed or deleted) into what the hub knows of the record. Fields absent from the
 * event keep their known value; a contact's type is set once and never overwritten by a change.
 */
public final class RecordStateMerger {

    private RecordStateMerger() {
    }

    /** The record's new state, or empty when the message is not a record event (a request, a document, ...). */
    public static Optional<KnownRecord> merge(Optional<KnownRecord> known, InboundMessage event) {
        var recordType = event.recordType();
        if (recordType.isEmpty() || !isRecordEvent(event.type())) {
            return Optional.empty();
        }
        boolean deleted = event.type().wireName().endsWith(".deleted");
        ObjectNode fields = known.map(k -> k.fields().deepCopy()).orElseGet(JsonNodeFactory.instance::objectNode);
        JsonNode incoming = event.body().get("fields");
        if (incoming instanceof ObjectNode incomingFields) {
            fields.setAll(incomingFields);
        }
        String contactType = known.map(KnownRecord::contactType).orElse(null);
        if (contactType == null) {
            contactType = event.text("contactType");
        }
        String companyNo = event.body().has("companyNo") ? event.text("companyNo")
                : known.map(KnownRecord::companyNo).orElse(null);
        boolean privacyBlocked = event.body().has("privacyBlocked") ? event.body().get("privacyBlocked").asBoolean()
                : known.map(KnownRecord::privacyBlocked).orElse(false);
        return Optional.of(new KnownRecord(recordType.get(), event.recordNo(), contactType, companyNo, privacyBlocked,
                deleted, event.version(), event.occurredAt(), fields));
    }

    /**
     * An event older than what was applied for its record: a lower or equal {@code version} when both have one,
     * else an earlier {@code occurredAt}. It changes nothing.
     */
    public static boolean isStale(Optional<KnownRecord> known, InboundMessage event) {
        if (known.isEmpty()) {
            return false;
        }
        Long knownVersion = known.get().version();
        if (event.version() != null && knownVersion != null) {
            return event.version() <= knownVersion;
        }
        return event.occurredAt().isBefore(known.get().occurredAt());
    }

    public static boolean isRecordEvent(MessageType type) {
        return switch (type) {
            case CONTACT_CREATED, CONTACT_CHANGED, CONTACT_DELETED,
                    CUSTOMER_CREATED, CUSTOMER_CHANGED, CUSTOMER_DELETED,
                    VENDOR_CREATED, VENDOR_CHANGED, VENDOR_DELETED,
                    BANK_ACCOUNT_CREATED, BANK_ACCOUNT_CHANGED, BANK_ACCOUNT_DELETED -> true;
            default -> false;
        };
    }
}
