package com.contactsynchub.sync;

import com.contactsynchub.contract.RecordType;

/** One record of either system, e.g. {@code customer:C00010}. */
public record RecordRef(RecordType type, String no) {

    /** The form used for message groups and in the journal: {@code <recordType>:<no>}. */
    @Override
    public String toString() {
        return type.wireName() + ":" + no;
    }
}
