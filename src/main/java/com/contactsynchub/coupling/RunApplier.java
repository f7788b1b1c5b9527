package com.contactsynchub.coupling;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.intake.EventIntake;
import com.contactsynchub.intake.IntakeResult;

/**
 * The apply step of a coupling run: the pending proposals in batches through the intake, each batch's outcomes
 * marked done after the intake committed, a heartbeat after every batch (a run whose heartbeat stops is taken over,
 * see {@link CouplingService}), a progress line every 10 s.
 */
@Component
class RunApplier {

    private static final Logger log = LoggerFactory.getLogger(RunApplier.class);

    private final CouplingRuns runs;
    private final ProposalApplier applier;
    private final EventIntake intake;
    private final CouplingProperties properties;
    private final Clock clock;

    RunApplier(CouplingRuns runs, ProposalApplier applier, EventIntake intake, CouplingProperties properties,
            Clock clock) {
        this.runs = runs;
        this.applier = applier;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Applies the run's pending proposals, batch after batch, then marks the run done.
     *
     * @param stopping true once the hub shuts down: the run stops before the next batch and is resumed later
     */
    void apply(CouplingRun run, String instanceId, BooleanSupplier stopping) {
        String id = run.couplingId();
        int done = runs.countDone(id);
        Instant started = clock.instant();
        Instant lastLog = started;
        int doneAtStart = done;
        while (true) {
            List<StoredProposal> batch = runs.pending(id, properties.batchSize());
            if (batch.isEmpty()) {
                break;
            }
            if (stopping.getAsBoolean()) {
                log.info("Coupling {} stopped at {} of {} because the hub is shutting down; it is resumed later", id,
                        done, run.actionsTotal());
                return;
            }
            List<Applied> applied = applyBatch(run, batch);
            runs.appliedAll(id, applied.stream().map(a -> new CouplingRuns.AppliedRow(a.proposal().seq(),
                    a.outcome().outcome(), a.outcome().detail())).toList());
            done += applied.size();
            if (!runs.heartbeat(id, instanceId, run.lease(), done, now())) {
                log.warn("Coupling {} was taken over by another hub; this hub stops it", id);
                return;
            }
            if (clock.instant().isAfter(lastLog.plusSeconds(10))) {
                lastLog = clock.instant();
                double seconds = Math.max(0.001, (lastLog.toEpochMilli() - started.toEpochMilli()) / 1000.0);
                double rate = (done - doneAtStart) / seconds;
                log.info("Coupling {}: {} of {} links and contacts done ({}%), {} per second, about {} s left", id,
                        done, run.actionsTotal(), run.actionsTotal() == 0 ? 100 : 100L * done / run.actionsTotal(),
                        Math.round(rate), rate > 0 ? Math.round((run.actionsTotal() - done) / rate) : "?");
            }
        }
        String summary = summary(id);
        runs.finish(id, instanceId, run.lease(), CouplingRun.DONE, done, summary, now());
        log.info("Coupling {} applied: {}", id, summary);
    }

    private record Applied(StoredProposal proposal, ProposalApplier.Outcome outcome) {
    }

    /**
     * The batch's messages go through the intake in one database transaction per channel (as an import's rows:
     * {@link EventIntake#receiveAll}); if that fails they are applied one by one, each in its own transaction, so a
     * proposal that fails for a reason of its own does not hold up the others. The proposals are marked done after
     * the intake committed: a crash in between applies them again, and the intake recognises their message ids.
     */
    private List<Applied> applyBatch(CouplingRun run, List<StoredProposal> batch) {
        List<Applied> applied = new ArrayList<>();
        Map<Channel, List<ProposalApplier.Send>> sends = new EnumMap<>(Channel.class);
        for (StoredProposal proposal : batch) {
            ProposalApplier.Step step = applier.prepare(run, proposal);
            if (step instanceof ProposalApplier.Decided decided) {
                applied.add(new Applied(proposal, decided.outcome()));
            } else if (step instanceof ProposalApplier.Send send) {
                sends.computeIfAbsent(send.channel(), c -> new ArrayList<>()).add(send);
            }
        }
        for (var entry : sends.entrySet()) {
            List<ProposalApplier.Send> group = entry.getValue();
            List<IntakeResult> results;
            try {
                results = intake.receiveAll(group.stream().map(ProposalApplier.Send::body).toList(), entry.getKey());
            } catch (RuntimeException batchFailed) {
                log.warn("Coupling {}: a batch of {} failed ({}); applying them one by one", run.couplingId(),
                        group.size(), batchFailed.toString());
                results = group.stream().map(send -> intake.receive(send.body(), send.channel())).toList();
            }
            for (int i = 0; i < group.size(); i++) {
                StoredProposal proposal = group.get(i).proposal();
                applied.add(new Applied(proposal, applier.read(run, proposal, results.get(i))));
            }
        }
        return applied;
    }

    /** "3 linked, 1 refused, 2 contact-requested; records: 4 proposed, ..." */
    private String summary(String couplingId) {
        Map<String, Integer> outcomes = runs.outcomes(couplingId);
        return (outcomes.isEmpty() ? "nothing to apply" : outcomes.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                + "; records: " + runs.categories(couplingId).entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
