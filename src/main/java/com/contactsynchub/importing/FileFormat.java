package com.contactsynchub.importing;

import java.util.Locale;
import java.util.Optional;

/** The formats the inbox takes, told apart by the file name's extension. */
public enum FileFormat {
    CSV, JSON_LINES;

    /** The marker in a file name that asks for a dry run: {@code customers.dryrun.csv}. */
    public static final String DRY_RUN_MARKER = ".dryrun.";

    public static Optional<FileFormat> of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSON_LINES);
        }
        return Optional.empty();
    }

    public static boolean isDryRun(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).contains(DRY_RUN_MARKER);
    }
}
