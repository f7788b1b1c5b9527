package com.contactsynchub.coupling;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A coupling run as the API shows it: options, state, progress like an import's (actions done of the total, rate,
 * time left; actions are the links and contacts the run makes), the report's categories and the applied outcomes.
 */
public record CouplingStatus(String couplingId, String linkType, boolean dryRun, boolean createContacts,
        String master, String origin, String state, String owner, int recordsTotal, int actionsTotal,
        int actionsDone, int percentDone, Double actionsPerSecond, Long secondsLeft, Map<String, Integer> categories,
        Map<String, Integer> outcomes, String rules, OffsetDateTime startedAt, OffsetDateTime finishedAt,
        String summary, String report) {

    static CouplingStatus of(CouplingRun run, Map<String, Integer> categories, Map<String, Integer> outcomes) {
        int percent = run.actionsTotal() == 0 ? (CouplingRun.DONE.equals(run.state()) ? 100 : 0)
                : (int) (100L * run.actionsDone() / run.actionsTotal());
        Double rate = null;
        Long left = null;
        if (run.applyStartedAt() != null && run.actionsDone() > 0) {
            double seconds = Math.max(0.001, Duration.between(run.applyStartedAt(), run.heartbeatAt()).toMillis()
                    / 1000.0);
            rate = Math.round(run.actionsDone() / seconds * 10) / 10.0;
            left = CouplingRun.APPLYING.equals(run.state()) && rate > 0
                    ? Math.round((run.actionsTotal() - run.actionsDone()) / rate) : null;
        }
        return new CouplingStatus(run.couplingId(), run.linkType().wireName(), run.dryRun(), run.createContacts(),
                run.master(), run.origin(), run.state(), run.ownerId(), run.recordsTotal(), run.actionsTotal(),
                run.actionsDone(), percent, rate, left, categories, outcomes, run.rules(), run.startedAt(),
                run.finishedAt(), run.summary(), "/api/couplings/" + run.couplingId() + "/report");
    }
}
