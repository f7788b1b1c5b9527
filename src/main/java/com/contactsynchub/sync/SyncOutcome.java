package com.contactsynchub.sync;

import java.util.List;
import java.util.Map;

import com.contactsynchub.contract.CommonField;

/**
 * What one change did to a group.
 *
 * @param updates   per record, the fields (and values) to send it, in the table's order
 * @param conflicts the conflicts found (resolved or parked)
 */
public record SyncOutcome(List<FieldDecision> decisions, Map<RecordRef, Map<CommonField, String>> updates,
        List<Conflict> conflicts) {

    /** Two different values for one field, edited on two records before either had seen the other's. */
    public record Conflict(CommonField field, RecordRef editedOn, String editedValue, java.time.OffsetDateTime editedAt,
            RecordRef otherOrigin, String otherValue, java.time.OffsetDateTime otherAt, String policy,
            RecordRef winner, boolean parked) {
    }
}
