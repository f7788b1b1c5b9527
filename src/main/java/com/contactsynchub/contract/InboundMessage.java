package com.contactsynchub.contract;

import java.time.OffsetDateTime;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message that passed its schema: the envelope read out, the whole body kept for the type's handler.
 *
 * @param recordNo the value of the type's key field (e.g. {@code contactNo}); null for types without a record
 * @param raw      the text exactly as received, for the audit record
 */
public record InboundMessage(
        String messageId,
        MessageType type,
        OffsetDateTime occurredAt,
        String source,
        Long version,
        String recordNo,
        ObjectNode body,
        String raw) {

    public Optional<RecordType> recordType() {
        return type.recordType();
    }

    /** A text field of the body, or null when it is absent or JSON null. */
    public String text(String field) {
        var node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
