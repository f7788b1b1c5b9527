package com.contactsynchub.coupling;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.api.NotFoundException;
import com.contactsynchub.contract.Channel;
import com.contactsynchub.intake.EventIntake;
import com.contactsynchub.intake.IntakeResult;
import com.contactsynchub.coupling.Proposal.Action;

/**
 * Runs couplings: match (the dry run's report), then, when asked, apply the proposals one by one through
 * {@link ProposalApplier}. A run is owned by one hub at a time (owner and lease in coupling_run, a heartbeat while
 * it works); a run whose heartbeat stopped (a hub killed mid-run) is taken over by the next resume check of any hub,
 * which goes on with the proposals not yet marked done. One applied but not marked before the crash is applied again
 * with the same message id and recognised by the intake as a duplicate.
 */
@Component
public class CouplingService {

    private static final Logger log = LoggerFactory.getLogger(CouplingService.class);

    private final CouplingRuns runs;
    private final CouplingSources sources;
    private final ProposalApplier applier;
    private final EventIntake intake;
    private final CouplingProperties properties;
    private final Clock clock;
    private final String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    /** Runs this hub is working on now: one worker, so runs do not race each other for the same contacts. */
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("coupling-worker"));
    private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(
            daemon("coupling-resume"));
    private volatile boolean stopping;

    public CouplingService(CouplingRuns runs, CouplingSources sources, ProposalApplier applier, EventIntake intake,
            CouplingProperties properties, Clock clock) {
        this.runs = runs;
        this.sources = sources;
        this.applier = applier;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startResumeChecks() {
        long every = properties.resumeCheckInterval().toMillis();
        resumer.scheduleWithFixedDelay(this::resumeAbandoned, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops at the next batch; the heartbeat stops with it, so the run is resumed after the restart. */
    @EventListener(ContextClosedEvent.class)
    public void stop() {
        stopping = true;
        resumer.shutdownNow();
        worker.shutdown();
    }

    /** A new run, matched (and applied, unless a dry run) in the background. */
    public CouplingRun start(CouplingOptions options, String origin) {
        CouplingRun run = create(UUID.randomUUID().toString(), options.check(), origin);
        submit(run.couplingId());
        return run;
    }

    /**
     * The run with this id, created if new (file drops: the id is derived from the file, so a file picked up again
     * after a crash finds its run), and worked on in the caller's thread until it is proposed or done.
     */
    public CouplingRun runHere(String couplingId, CouplingOptions options, String origin) {
        CouplingRun run = runs.find(couplingId).orElseGet(() -> {
            try {
                return create(couplingId, options.check(), origin);
            } catch (DuplicateKeyException anotherHub) {
                return runs.find(couplingId).orElseThrow(); // another hub picked up the same file at the same time
            }
        });
        takeOverIfAbandoned(run);
        execute(couplingId);
        return runs.find(couplingId).orElseThrow();
    }

    /** Applies a dry run as it was reported (or resumes a failed run), in the background. */
    public CouplingRun apply(String couplingId) {
        CouplingRun run = find(couplingId);
        boolean resumable = CouplingRun.PROPOSED.equals(run.state()) || CouplingRun.FAILED.equals(run.state())
                || run.isRunning() && isAbandoned(run);
        if (!resumable) {
            throw new InvalidRequestException("state: coupling " + couplingId + " is " + run.state()
                    + (run.isRunning() ? " on " + run.ownerId() : "") + "; only a proposed (dry run) or failed "
                    + "run can be applied");
        }
        String next = run.applyStartedAt() == null && !CouplingRun.PROPOSED.equals(run.state())
                ? CouplingRun.MATCHING : CouplingRun.APPLYING;
        if (!runs.claim(couplingId, run.lease(), instanceId, next, now())) {
            throw new InvalidRequestException("state: coupling " + couplingId + " was taken by another request");
        }
        submit(couplingId);
        return find(couplingId);
    }

    public CouplingRun find(String couplingId) {
        return runs.find(couplingId).orElseThrow(() -> new NotFoundException("coupling " + couplingId
                + " does not exist"));
    }

    /** Takes over runs whose hub stopped its heartbeat (killed, or lost the database for longer than the timeout). */
    void resumeAbandoned() {
        try {
            for (CouplingRun run : runs.abandoned(now().minus(properties.claimTimeout()))) {
                if (!active.contains(run.couplingId()) && takeOverIfAbandoned(run)) {
                    submit(run.couplingId());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for abandoned couplings: {}", e.toString());
        }
    }

    private boolean takeOverIfAbandoned(CouplingRun run) {
        boolean taken = run.isRunning() && !instanceId.equals(run.ownerId()) && isAbandoned(run)
                && runs.claim(run.couplingId(), run.lease(), instanceId, run.state(), now());
        if (taken) {
            log.info("Resuming coupling {} ({}, {} of {} done) left by {}", run.couplingId(), run.state(),
                    run.actionsDone(), run.actionsTotal(), run.ownerId());
        }
        return taken;
    }

    private boolean isAbandoned(CouplingRun run) {
        return run.heartbeatAt().isBefore(now().minus(properties.claimTimeout()));
    }

    private CouplingRun create(String couplingId, CouplingOptions.Checked options, String origin) {
        OffsetDateTime now = now();
        CouplingRun run = new CouplingRun(couplingId, options.linkType(), options.dryRun(), options.createContacts(),
                options.master(), origin, CouplingRun.MATCHING, instanceId, 0, 0, 0, 0, describeRules(), now, null,
                now, null, null);
        runs.insert(run);
        log.info("Coupling {} of {} records started by {} ({}, unmatched: {}, master {})", couplingId,
                options.linkType().wireName(), origin, options.dryRun() ? "dry run" : "apply",
                options.createContacts() ? "create a contact" : "leave alone", options.master());
        return run;
    }

    private void submit(String couplingId) {
        worker.submit(() -> execute(couplingId));
    }

    /** Whatever the run needs next, as long as this hub owns it. */
    private void execute(String couplingId) {
        if (!active.add(couplingId)) {
            return;
        }
        try {
            CouplingRun run = runs.find(couplingId).orElseThrow();
            if (!instanceId.equals(run.ownerId())) {
                return;
            }
            if (CouplingRun.MATCHING.equals(run.state())) {
                run = match(run);
            }
            if (run != null && CouplingRun.APPLYING.equals(run.state())) {
                applyAll(run);
            }
        } catch (RuntimeException e) {
            log.error("Coupling {} failed", couplingId, e);
            runs.find(couplingId).ifPresent(run -> runs.finish(couplingId, instanceId, run.lease(),
                    CouplingRun.FAILED, runs.countDone(couplingId), "failed: " + e.getMessage()
                            + "; POST /api/couplings/" + couplingId + "/apply resumes it", now()));
        } finally {
            active.remove(couplingId);
        }
    }

    private CouplingRun match(CouplingRun run) {
        CouplingMatcher matcher = new CouplingMatcher(properties.matchRules(), properties.normalisedLegalSuffixes());
        List<Proposal> proposals = matcher.match(run.linkType(), sources.financeRecords(run.linkType()),
                sources.candidates(), sources.links(run.linkType()), run.createContacts());
        runs.deleteProposals(run.couplingId()); // a matching resumed after a crash starts again; nothing was applied
        List<StoredProposal> stored = new ArrayList<>(proposals.size());
        for (int i = 0; i < proposals.size(); i++) {
            Proposal p = proposals.get(i);
            boolean acts = p.action() != Action.NONE;
            stored.add(new StoredProposal(i + 1, p, acts ? ProposalApplier.messageId(run.couplingId(), p.recordNo())
                    : null, acts ? StoredProposal.PENDING : StoredProposal.NONE, null, null));
        }
        for (int from = 0; from < stored.size(); from += 1000) {
            runs.insertProposals(run.couplingId(), stored.subList(from, Math.min(stored.size(), from + 1000)));
            if (!runs.heartbeat(run.couplingId(), instanceId, run.lease(), 0, now())) {
                return null; // taken over
            }
        }
        int actions = (int) stored.stream().filter(p -> !StoredProposal.NONE.equals(p.state())).count();
        String next = run.dryRun() && run.applyStartedAt() == null ? CouplingRun.PROPOSED : CouplingRun.APPLYING;
        if (!runs.matched(run.couplingId(), instanceId, run.lease(), stored.size(), actions, next, now())) {
            return null;
        }
        Map<String, Integer> categories = runs.categories(run.couplingId());
        log.info("Coupling {}: {} {} records matched: {}", run.couplingId(), stored.size(),
                run.linkType().wireName(), categories);
        return runs.find(run.couplingId()).orElseThrow();
    }

    private void applyAll(CouplingRun run) {
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
            if (stopping) {
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
    String summary(String couplingId) {
        Map<String, Integer> outcomes = runs.outcomes(couplingId);
        return (outcomes.isEmpty() ? "nothing to apply" : outcomes.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                + "; records: " + runs.categories(couplingId).entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private String describeRules() {
        String rules = properties.matchRules().stream().map(MatchRule::describe).collect(Collectors.joining("; "));
        return rules.length() <= 2000 ? rules : rules.substring(0, 1999) + "…";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
