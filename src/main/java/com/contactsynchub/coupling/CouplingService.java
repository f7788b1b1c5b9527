package com.contactsynchub.coupling;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.api.NotFoundException;
import com.contactsynchub.coupling.Proposal.Action;

/**
 * Runs couplings: match (the dry run's report), then, when asked, apply the proposals ({@link RunApplier}). A run
 * is owned by one hub at a time (owner and lease in coupling_run, a heartbeat while it works); a run whose heartbeat
 * stopped (a hub killed mid-run) is taken over by the next resume check of any hub,
 * which goes on with the proposals not yet marked done. One applied but not marked before the crash is applied again
 * with the same message id and recognised by the intake as a duplicate.
 */
@Component
public class CouplingService {

    private static final Logger log = LoggerFactory.getLogger(CouplingService.class);

    private final CouplingRuns runs;
    private final CouplingSources sources;
    private final RunApplier runApplier;
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

    public CouplingService(CouplingRuns runs, CouplingSources sources, RunApplier runApplier,
            CouplingProperties properties, Clock clock) {
        this.runs = runs;
        this.sources = sources;
        this.runApplier = runApplier;
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
                runApplier.apply(run, instanceId, () -> stopping);
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
