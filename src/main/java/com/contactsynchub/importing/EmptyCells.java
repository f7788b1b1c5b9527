package com.contactsynchub.importing;

import java.util.Locale;

/**
 * What an empty cell of a CSV row does to its field ({@code hub.import.empty-cells}, or per file by a marker in its
 * name). An empty cell is one with nothing in it or blanks only.
 */
public enum EmptyCells {

    /**
     * The field is sent empty ({@code ""}): it is cleared in the hub and, for a linked record, on the other side.
     * An export is the whole record, so an empty cell is taken to mean an empty field. The default.
     */
    CLEAR,

    /**
     * The field is not sent: the record keeps the value it has (the hub's and the other side's). For partial or
     * hand-made files, where an empty cell means "not given". An empty Company No. then keeps the contact's company.
     */
    KEEP;

    /** The file name marker that makes empty cells keep the field: {@code customers.empty-cells-keep.csv}. */
    public static final String KEEP_MARKER = ".empty-cells-keep.";
    /** The file name marker that makes empty cells clear the field: {@code customers.empty-cells-clear.csv}. */
    public static final String CLEAR_MARKER = ".empty-cells-clear.";

    /** The file's own choice (a marker in its name), else the configured one. */
    public static EmptyCells forFile(String fileName, EmptyCells configured) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.contains(KEEP_MARKER)) {
            return KEEP;
        }
        if (name.contains(CLEAR_MARKER)) {
            return CLEAR;
        }
        return configured;
    }

    /** True when the file name chooses, rather than the configuration. */
    public static boolean chosenBy(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.contains(KEEP_MARKER) || name.contains(CLEAR_MARKER);
    }

    /** {@code clear} or {@code keep}, as in the configuration. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The report head's line, e.g. {@code Empty cells: keep the field's value (file name: .empty-cells-keep.)}. */
    public String describe(String fileName) {
        String what = this == CLEAR ? "clear the field (sent as \"\")" : "leave the field as it is (not sent)";
        return "Empty cells: " + what + (chosenBy(fileName)
                ? " (file name: " + (this == CLEAR ? CLEAR_MARKER : KEEP_MARKER) + ")"
                : " (hub.import.empty-cells=" + value() + ")");
    }
}
