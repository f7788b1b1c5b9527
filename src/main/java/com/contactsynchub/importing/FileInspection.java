package com.contactsynchub.importing;

/**
 * The first pass over a file: its content hash and, when it can be imported, how many rows it has.
 *
 * @param sha256     hex SHA-256 of the bytes: the same content under another name is the same import
 * @param rows       rows counted (blank ones included), for progress; 0 when unreadable
 * @param unreadable why the file cannot be imported at all; null when it can
 */
public record FileInspection(String sha256, long bytes, FileFormat format, long rows, String unreadable) {

    public boolean readable() {
        return unreadable == null;
    }
}
