package com.contactsynchub.sync;

import com.contactsynchub.contract.CommonField;

/**
 * What the hub decided about one field of one incoming change.
 *
 * @param before the record's value before this change (as the hub knew it)
 * @param after  the value the group agrees on afterwards
 */
public record FieldDecision(CommonField field, Kind kind, String before, String incoming, String after, String detail) {

    public enum Kind {
        /** A real change: the new value goes to the other records. */
        PUSHED,
        /** The system reported a value the hub itself wrote: nothing goes anywhere. */
        ECHO_SUPPRESSED,
        /** The record now holds the value the others already have. */
        ALREADY_AGREED,
        /** Edited on this record while a different value from another record was on its way: resolved by policy. */
        CONFLICT_RESOLVED,
        /** Such a conflict under the {@code manual} policy: waits for an operator, nothing is pushed. */
        CONFLICT_PARKED
    }
}
