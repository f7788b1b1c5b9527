package com.contactsynchub.journal;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One decision of the hub about one record.
 *
 * @param decision     e.g. {@code pushed}, {@code echo-suppressed}, {@code conflict-resolved}, {@code stale}
 * @param origin       the system whose message caused it ({@code crm}, {@code erp}) or {@code hub}/{@code admin}
 * @param causationId  the message id that caused it
 * @param fieldsBefore the record's fields concerned, before (JSON)
 * @param fieldsAfter  the same fields after, or the values sent (JSON)
 * @param detail       why, in words or as JSON
 */
public record JournalEntry(Long id, String recordType, String recordNo, String decision, String origin,
        String causationId, @JsonRawValue String fieldsBefore, @JsonRawValue String fieldsAfter, String detail,
        OffsetDateTime createdAt) {
}
