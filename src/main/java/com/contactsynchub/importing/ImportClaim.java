package com.contactsynchub.importing;

/** What a hub gets when it claims a file's content in {@code file_import} ({@link ImportClaims#claim}). */
sealed interface ImportClaim {

    /** @param takenOver an import left running by a hub that stopped (or by this one), not a new one */
    record Mine(FileImport row, boolean takenOver) implements ImportClaim {
    }

    /** Another hub (or this one, in another poll) is importing the content. */
    record Busy(String owner) implements ImportClaim {
    }

    /** The content was imported before: the file is a copy. */
    record AlreadyImported(FileImport earlier) implements ImportClaim {
    }
}
