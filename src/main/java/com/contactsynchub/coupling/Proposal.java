package com.contactsynchub.coupling;

import java.util.List;

/**
 * What the dry run found for one finance record, and what applying the run will do about it.
 *
 * @param rule       the rule that found the candidates (proposed, ambiguous), else null
 * @param contactNo  the contact to link (proposed) or the record's contact (conflict), else null
 * @param candidates every contact found (ambiguous: more than one, or one contact found for several records)
 * @param reason     why, in words, for the report
 */
public record Proposal(String recordNo, String recordName, Category category, String rule, String contactNo,
        List<String> candidates, String reason, Action action) {

    public Proposal {
        candidates = List.copyOf(candidates);
    }

    public enum Category {
        /** One contact matched: linked on apply. */
        PROPOSED("proposed"),
        /** Several contacts matched (or one contact matched several records): listed, none linked. */
        AMBIGUOUS("ambiguous"),
        /** No rule found a contact: a contact is created on apply when the run says so, else left alone. */
        UNMATCHED("unmatched"),
        /** The record is linked already, or the one contact it matched already holds a link of the type. */
        CONFLICT("conflict");

        private final String wireName;

        Category(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Category fromWireName(String name) {
            for (Category c : values()) {
                if (c.wireName.equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown category " + name);
        }
    }

    public enum Action {
        LINK("link"), CREATE_CONTACT("create-contact"), NONE("none");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Action fromWireName(String name) {
            for (Action a : values()) {
                if (a.wireName.equals(name)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown action " + name);
        }
    }

    Proposal withCategory(Category newCategory, List<String> newCandidates, String newReason, Action newAction) {
        return new Proposal(recordNo, recordName, newCategory, rule, newCategory == Category.AMBIGUOUS ? null
                : contactNo, newCandidates, newReason, newAction);
    }
}
