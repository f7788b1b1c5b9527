package com.contactsynchub.importing;

/**
 * Whether the new finance records of a file get a contact automatically (the default, as every
 * {@code customer.created} does) or not: a file named with {@code .no-auto-contacts.} (e.g.
 * {@code customers.no-auto-contacts.csv}) only records its rows, for the day-one load before match-based coupling
 * (docs/linking.md), so that no record gets a second contact and nothing becomes a sync error.
 */
public final class AutomaticContacts {

    /** The file name marker that switches automatic contacts off for the file. */
    public static final String OFF_MARKER = ".no-auto-contacts.";

    private AutomaticContacts() {
    }

    /** Whether the file's rows leave the automatic contact out. */
    public static boolean offFor(String fileName) {
        return fileName.contains(OFF_MARKER);
    }

    /** The report head's line. */
    static String describe(boolean off) {
        return off ? "Automatic contacts: none for this file (file name: " + OFF_MARKER + "): new finance records are"
                + " recorded only, to be coupled with their contacts" : "Automatic contacts: as set up (a new finance"
                + " record without a link gets a contact)";
    }
}
