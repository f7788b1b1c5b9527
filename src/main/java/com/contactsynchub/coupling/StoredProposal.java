package com.contactsynchub.coupling;

/**
 * A proposal as stored with its run (table coupling_proposal).
 *
 * @param messageId the id of the request that applies it, the same at every attempt
 * @param state     {@code pending} (to apply), {@code done} (applied, outcome known) or {@code none} (nothing to do)
 * @param outcome   after applying: {@code linked}, {@code refused}, {@code contact-requested}, {@code no-contact}
 */
public record StoredProposal(int seq, Proposal proposal, String messageId, String state, String outcome,
        String outcomeDetail) {

    public static final String PENDING = "pending";
    public static final String DONE = "done";
    public static final String NONE = "none";
}
