package com.contactsynchub.importing;

/** What became of one row, as the report says it. */
public record RowOutcome(Kind kind, String text) {

    /** The totals at the end of a report count rows by kind. */
    public enum Kind {
        /** A record new to the hub's links: a contact was requested for it. */
        CREATED("created"),
        /** Linked: changed fields were pushed to the linked records. */
        UPDATED("updated"),
        /** Applied, nothing to push (no field differs, or no linked record). */
        UNCHANGED("unchanged"),
        /** A record new to the hub's links for which no contact was requested. */
        NOT_LINKED("not linked"),
        /** Not applied, by design (an empty line, an older state than the hub's). */
        SKIPPED("skipped"),
        /** Not applied: bad row; the text names the line, field and reason. */
        ERROR("error");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static RowOutcome error(String text) {
        return new RowOutcome(Kind.ERROR, text);
    }

    public static RowOutcome skipped(String text) {
        return new RowOutcome(Kind.SKIPPED, text);
    }
}
