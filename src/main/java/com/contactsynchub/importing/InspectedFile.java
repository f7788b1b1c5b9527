package com.contactsynchub.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A file as this hub inspected it. Another hub may move the file away between this hub's inspection and its
 * claim (several hubs watch one inbox and each polls every file): a claim won, or an earlier import found, only
 * after that other hub recorded its end. So a claim is acted on only if the file is still the one inspected.
 * The inspection of a file another hub is importing is kept, so that polling it again does not read it again.
 */
record InspectedFile(long bytes, long modifiedMillis, FileInspection inspection) {

    OffsetDateTime modified() {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(modifiedMillis), ZoneOffset.UTC);
    }

    boolean sameAs(BasicFileAttributes attributes) {
        return attributes.size() == bytes && attributes.lastModifiedTime().toMillis() == modifiedMillis;
    }

    boolean isStillAt(Path file) throws IOException {
        try {
            return sameAs(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException gone) {
            return false;
        }
    }
}
