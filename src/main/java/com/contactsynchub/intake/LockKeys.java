package com.contactsynchub.intake;

import com.contactsynchub.contract.RecordType;

/**
 * The names of the locks taken with {@link RecordLocks}, in one place so that every feature serialises with the
 * others on the same key:
 * <ul>
 * <li>{@link #group(String)}: everything about a contact that holds (or may hold) relations: its field changes,
 * link and creation requests, acknowledgements, documents requested for it or its persons;</li>
 * <li>{@link #record(RecordType, String)}: a customer, vendor or bank account that is not linked.</li>
 * </ul>
 */
public final class LockKeys {

    private LockKeys() {
    }

    public static String group(String contactNo) {
        return "group:" + contactNo;
    }

    public static String record(RecordType type, String no) {
        return "record:" + type.wireName() + ":" + no;
    }
}
