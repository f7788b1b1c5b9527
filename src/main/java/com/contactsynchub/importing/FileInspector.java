package com.contactsynchub.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import com.contactsynchub.contract.RecordType;

/**
 * Reads a file once, streaming, before anything of it is applied: the SHA-256 of its bytes (the import's identity),
 * whether it can be read at all, and its number of rows (the total shown while it is imported). A file that cannot be
 * read is refused here as a whole, before its first row is applied.
 */
public final class FileInspector {

    private FileInspector() {
    }

    public static FileInspection inspect(Path file, RecordType recordType) throws IOException {
        MessageDigest digest = sha256();
        long bytes = Files.size(file);
        Optional<FileFormat> format = FileFormat.of(file.getFileName().toString());
        try (InputStream raw = Files.newInputStream(file);
                DigestInputStream in = new DigestInputStream(new BufferedInputStream(raw, 65536), digest)) {
            String unreadable = null;
            long rows = 0;
            if (format.isEmpty()) {
                unreadable = "the file name does not end in .csv or .jsonl: save the export as CSV (Excel: \"CSV UTF-8\") "
                        + "or as JSON Lines";
            } else if (bytes == 0) {
                unreadable = "the file is empty (0 bytes)";
            } else {
                try (ImportRows reader = ImportRows.open(nonClosing(in), format.get(), recordType)) {
                    while (reader.hasNext()) {
                        reader.next();
                        rows++;
                    }
                } catch (UnreadableFileException e) {
                    unreadable = e.getMessage();
                    rows = 0;
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            in.transferTo(java.io.OutputStream.nullOutputStream()); // the rest of the bytes still count for the hash
            String sha = HexFormat.of().formatHex(digest.digest());
            return new FileInspection(sha, bytes, format.orElse(null), rows, unreadable);
        }
    }

    /** The SHA-256 of a file's bytes, hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller still drains it for the hash
            }
        };
    }
}
