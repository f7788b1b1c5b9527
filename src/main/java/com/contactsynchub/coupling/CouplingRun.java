package com.contactsynchub.coupling;

import java.time.OffsetDateTime;

import com.contactsynchub.link.LinkType;

/**
 * One coupling run (table coupling_run).
 *
 * @param master       {@code record} (the finance record's fields win once, the default) or {@code contact}
 * @param origin       who started it: {@code api}, or the file dropped
 * @param state        {@code matching}, {@code proposed} (a dry run: the report is ready, nothing changed),
 *                     {@code applying}, {@code done}, {@code failed}
 * @param actionsTotal proposals that do something when applied (a link, a contact)
 */
public record CouplingRun(String couplingId, LinkType linkType, boolean dryRun, boolean createContacts, String master,
        String origin, String state, String ownerId, long lease, int recordsTotal, int actionsTotal,
        int actionsDone, String rules, OffsetDateTime startedAt, OffsetDateTime applyStartedAt,
        OffsetDateTime heartbeatAt, OffsetDateTime finishedAt, String summary) {

    public static final String MATCHING = "matching";
    public static final String PROPOSED = "proposed";
    public static final String APPLYING = "applying";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public boolean isRunning() {
        return MATCHING.equals(state) || APPLYING.equals(state);
    }
}
