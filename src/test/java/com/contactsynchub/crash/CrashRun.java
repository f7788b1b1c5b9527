package com.contactsynchub.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One run, start to finish: start the hub(s), play both systems, make and link the groups, let the users edit
 * (killing the hub at random moments if the scenario says so), wait until everything is quiet, and compare the
 * systems' records with what the users did.
 */
final class CrashRun {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    /** No command for this long (with everything else empty) counts as quiet. */
    static final Duration QUIET = Duration.ofSeconds(5);
    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(20);
    /** Fastest pace the users are given; the hub on a 2-core machine handles a few hundred messages a second. */
    static final double MAX_RATE = 150;
    /** Slowest pace: on a machine so busy that the hub needs minutes to start, kills may miss the stream. */
    static final double MIN_RATE = 20;
    private static final int JOURNAL_HINTS = 8;

    private final CrashScenario scenario;
    private final Path runDir;
    private final List<OutageReplay.Outage> outages;

    /**
     * @param outages the outages to replay without kills (those of the run with kills this one is compared with);
     *                empty for none
     */
    CrashRun(CrashScenario scenario, Path runDir, List<OutageReplay.Outage> outages) {
        this.scenario = scenario;
        this.runDir = runDir;
        this.outages = List.copyOf(outages);
    }

    static Path dirFor(String name) {
        return Path.of("target", "crash-it", name);
    }

    /**
     * The users' pace when the scenario leaves it open: slow enough that {@code kills} kills, each followed by a
     * restart as slow as the first start (plus 30 %) and a few seconds of work, fit into the part of the stream the
     * kills are planned in (5 % to 80 %); between {@link #MIN_RATE} and {@link #MAX_RATE}.
     */
    static double rateFor(int edits, int kills, Duration firstStart) {
        double secondsPerKill = firstStart.toMillis() / 1000.0 * 1.3 + 2.5;
        double streamSeconds = kills * secondsPerKill / 0.75;
        return Math.max(MIN_RATE, Math.min(MAX_RATE, Math.floor(edits / streamSeconds)));
    }

    CrashRunReport run() throws Exception {
        CrashRunReport report = new CrashRunReport(scenario);
        Instant begin = Instant.now();
        // A fresh start: old data of a run with the same name would be recovered by the hub.
        FileSystemUtils.deleteRecursively(runDir);
        System.out.printf("[crash] %s: seed %d, logs and data under %s%n", scenario.name(), scenario.seed(),
                runDir.toAbsolutePath());
        try (HubDeployment deployment = HubDeployment.create(scenario, runDir)) {
            report.firstStart = deployment.start(READY_TIMEOUT);
            report.editsPerSecond = scenario.editsPerSecond() > 0 ? scenario.editsPerSecond()
                    : rateFor(scenario.edits(), scenario.kills(), report.firstStart);
            System.out.printf("[crash] %s: hub ready after %s; users edit at %.0f/s%n", scenario.name(),
                    CrashRunReport.secs(report.firstStart), report.editsPerSecond);
            BrokerQueues queues = new BrokerQueues(deployment.broker());
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
            try (SystemsSimulator simulator = new SystemsSimulator(deployment.broker(), scenario.name())) {
                simulator.start();
                GroundTruth truth = new GroundTruth();
                List<Group> groups = GroupSetup.groups(scenario.groups());
                AtomicReference<EditStream> running = new AtomicReference<>();
                progress.scheduleAtFixedRate(() -> System.out.printf("[crash] %s +%.0f s: %s edits; hubs alive %s;"
                                + " %s%n", scenario.name(), Duration.between(begin, Instant.now()).toMillis() / 1000.0,
                        running.get() == null ? "no" : running.get().made(), deployment.allAlive(),
                        simulator.progress()), 15, 15, TimeUnit.SECONDS);

                Instant setupFrom = Instant.now();
                GroupSetup.run(groups, simulator, deployment.api(), truth);
                Quiescence.await(simulator, queues, deployment, QUIET, DRAIN_TIMEOUT);
                report.setup = Duration.between(setupFrom, Instant.now());
                System.out.printf("[crash] %s: %d groups linked in %s%n", scenario.name(), groups.size(),
                        CrashRunReport.secs(report.setup));

                EditStream stream = new EditStream(groups, simulator, truth, scenario.seed(), scenario.edits(),
                        report.editsPerSecond);
                running.set(stream);
                Killer killer = scenario.kills() == 0 ? null : new Killer(deployment.victim(), stream,
                        scenario.edits(), scenario.kills(), scenario.seed(), READY_TIMEOUT);
                if (killer != null) {
                    report.plannedKillsAtEdits = killer.plannedAtEdits();
                }
                OutageReplay replay = outages.isEmpty() ? null
                        : new OutageReplay(deployment.broker(), stream, outages);
                stream.start();
                if (killer != null) {
                    killer.start();
                }
                if (replay != null) {
                    replay.start();
                }
                stream.join();
                report.stream = stream.duration();
                Instant streamEnd = Instant.now();
                System.out.printf("[crash] %s: %d edits made in %s%n", scenario.name(), stream.made(),
                        CrashRunReport.secs(report.stream));
                if (killer != null) {
                    killer.join();
                    report.kills = killer.kills();
                }
                if (replay != null) {
                    replay.join();
                    report.outages = replay.done();
                }
                Quiescence.await(simulator, queues, deployment, QUIET, DRAIN_TIMEOUT);
                report.drain = Duration.between(streamEnd, Instant.now());

                collect(report, simulator, queues, deployment.api(), groups, truth);
            } finally {
                progress.shutdownNow();
            }
        } finally {
            report.total = Duration.between(begin, Instant.now());
            report.writeTo(runDir.resolve("report.txt"));
            System.out.println(report.text());
        }
        return report;
    }

    private void collect(CrashRunReport report, SystemsSimulator simulator, BrokerQueues queues, HubApi hub,
            List<Group> groups, GroundTruth truth) throws Exception {
        report.userEdits = simulator.crm().userEdits() + simulator.erp().userEdits();
        report.echoes = simulator.echoes();
        report.eventsSent = simulator.eventsSent();
        report.failedSends = simulator.failedSends();
        report.consumerFailures = simulator.consumerFailures();
        report.commandsReceived = simulator.commandsReceived();
        report.ownRedeliveries = simulator.ownRedeliveries();
        report.distinctCommands = simulator.distinctCommands();
        report.repeatedWithSameContent = simulator.repeatedWithSameContent();
        report.commandsByType = simulator.commandsByType();
        report.mismatches = simulator.mismatches();
        report.unexpected = simulator.unexpected();
        report.deadLetters = queues.counts(List.of(BrokerQueues.DEAD_LETTER))
                .map(c -> c.get(BrokerQueues.DEAD_LETTER)).orElse(-1L);
        report.invalid = queues.browse(BrokerQueues.INVALID);
        report.resolvedConflicts = hub.resolvedConflicts();
        report.findings = ConvergenceCheck.check(groups, truth, hub.base());
        report.journalHints = journalHints(report.findings(ConvergenceCheck.Kind.OLDER_EDIT), hub);
    }

    /** For the first wrong fields: the hub's newest journal entries about that field of that record. */
    private static List<String> journalHints(List<ConvergenceCheck.Finding> wrong, HubApi hub) {
        List<String> hints = new ArrayList<>();
        for (ConvergenceCheck.Finding finding : wrong.stream().limit(JOURNAL_HINTS).toList()) {
            SimRecord record = finding.record();
            hints.add(record + " " + finding.field() + ", its last changes (version, time, cause):");
            record.historyOf(finding.field(), 5).forEach(h -> hints.add("    " + h));
            hints.add("  the hub's journal of it, newest first:");
            try {
                int shown = 0;
                for (JsonNode entry : hub.journal(record.kind(), record.no(), 200)) {
                    String text = entry.toString();
                    if (!text.contains("\"" + finding.field() + "\"") || shown >= 4) {
                        continue;
                    }
                    shown++;
                    hints.add("    " + entry.path("createdAt").asText() + " " + entry.path("decision").asText()
                            + " origin " + entry.path("origin").asText() + " cause "
                            + entry.path("causationId").asText() + " after " + entry.path("fieldsAfter")
                            + " detail " + SimulatedSystem.abbreviate(entry.path("detail").asText()));
                }
            } catch (RuntimeException e) {
                hints.add("    (journal not readable: " + e.getMessage() + ")");
            }
        }
        return hints;
    }
}
