package com.contactsynchub.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one run did and found, printed for the log and checked by the test. Filled in by {@link CrashRun}. */
final class CrashRunReport {

    private static final int SHOWN = 25;

    final CrashScenario scenario;
    double editsPerSecond;
    Duration firstStart = Duration.ZERO;
    Duration setup = Duration.ZERO;
    Duration stream = Duration.ZERO;
    Duration drain = Duration.ZERO;
    Duration total = Duration.ZERO;
    List<Integer> plannedKillsAtEdits = List.of();
    List<Killer.Kill> kills = List.of();
    List<OutageReplay.Outage> outages = List.of();
    long userEdits;
    long echoes;
    long eventsSent;
    long failedSends;
    long consumerFailures;
    long commandsReceived;
    long ownRedeliveries;
    long distinctCommands;
    long repeatedWithSameContent;
    Map<String, Long> commandsByType = Map.of();
    List<CommandLog.Mismatch> mismatches = List.of();
    List<String> unexpected = List.of();
    long deadLetters;
    List<BrokerQueues.Refused> invalid = List.of();
    int resolvedConflicts;
    List<ConvergenceCheck.Finding> findings = List.of();
    List<String> journalHints = List.of();

    CrashRunReport(CrashScenario scenario) {
        this.scenario = scenario;
    }

    long killsDuringStream() {
        return kills.stream().filter(Killer.Kill::duringStream).count();
    }

    List<ConvergenceCheck.Finding> findings(ConvergenceCheck.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Everything this run got wrong, each naming what diverged; empty when the run is clean. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        String run = "[" + scenario.name() + "] ";
        List<ConvergenceCheck.Finding> apart = findings(ConvergenceCheck.Kind.NOT_CONVERGED);
        if (!apart.isEmpty()) {
            problems.add(run + apart.size() + " group field(s) not converged:\n  "
                    + String.join("\n  ", apart.stream().limit(SHOWN).map(ConvergenceCheck.Finding::text).toList()));
        }
        List<ConvergenceCheck.Finding> older = findings(ConvergenceCheck.Kind.OLDER_EDIT);
        if (!older.isEmpty()) {
            problems.add(run + older.size() + " record field(s) not on the group's latest edit (latest-wins):\n  "
                    + String.join("\n  ", older.stream().limit(SHOWN).map(ConvergenceCheck.Finding::text).toList()));
        }
        if (!mismatches.isEmpty()) {
            problems.add(run + mismatches.size() + " commandId(s) arrived again with different content:\n  "
                    + String.join("\n  ", mismatches.stream().limit(SHOWN).map(m -> m.commandId() + ": first "
                            + SimulatedSystem.abbreviate(m.first()) + "\n    later "
                            + SimulatedSystem.abbreviate(m.later())).toList()));
        }
        if (deadLetters > 0) {
            problems.add(run + deadLetters + " message(s) on hub.dead-letter");
        }
        if (!unexpected.isEmpty()) {
            problems.add(run + unexpected.size() + " command(s) the systems could not use:\n  "
                    + String.join("\n  ", unexpected.stream().limit(SHOWN).toList()));
        }
        if (kills.size() < scenario.kills()) {
            problems.add(run + "only " + kills.size() + " of " + scenario.kills() + " kills happened");
        }
        return problems;
    }

    /** What makes the run weaker without being the hub's fault (printed, not failed). */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (scenario.kills() > 0 && killsDuringStream() < kills.size()) {
            warnings.add("[" + scenario.name() + "] WARNING: only " + killsDuringStream() + " of " + kills.size()
                    + " kills fell into the edit stream, the others into the drain after it: the hub restarted"
                    + " slower than its first start suggested (busy machine); pass -Dcrash.rate lower to widen it");
        }
        return warnings;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("===== crash run %s: seed %d, %s, %d hub(s), %d groups, %d edits at %.1f/s, %d kill(s)%n",
                scenario.name(), scenario.seed(), scenario.database(), scenario.hubs(), scenario.groups(),
                scenario.edits(), editsPerSecond, scenario.kills()));
        out.append(String.format("durations: first start %s, setup %s, edit stream %s, drain after it %s, total %s%n",
                secs(firstStart), secs(setup), secs(stream), secs(drain), secs(total)));
        if (scenario.kills() > 0) {
            out.append("kills planned at edits ").append(plannedKillsAtEdits).append(", done: ");
            kills.forEach(k -> out.append(String.format("%n  #%d pid %d at edit %d%s, restart %s", k.no(), k.pid(),
                    k.editsMade(), k.duringStream() ? "" : " (after the stream)", secs(k.restart()))));
            out.append('\n');
        }
        if (!outages.isEmpty()) {
            out.append("outages replayed (systems cut off the broker, hub untouched): ");
            outages.forEach(o -> out.append(String.format("at edit %d for %s; ", o.atEdit(), secs(o.length()))));
            out.append('\n');
        }
        out.append(String.format("events: %d user edits, %d echoes, %d sent to the broker (%d failed send"
                + " attempts, repeated)%n",
                userEdits, echoes, eventsSent, failedSends));
        out.append(String.format("commands received: %d (%d distinct commandIds; %d sent again by the hub with the"
                + " same content, %d with different content); by type %s; besides, %d redelivered because the"
                + " systems' commit failed with the hub (%d consumer failures)%n",
                commandsReceived, distinctCommands, repeatedWithSameContent, mismatches.size(), commandsByType,
                ownRedeliveries, consumerFailures));
        out.append(String.format("conflicts resolved (hub, up to 1000): %d; hub.dead-letter: %d; hub.invalid: %d%n",
                resolvedConflicts, deadLetters, invalid.size()));
        invalid.stream().limit(10).forEach(r -> out.append("  invalid: ").append(r.reason()).append(" - ")
                .append(r.body()).append('\n'));
        out.append(String.format("end state: %d field(s) not converged, %d record field(s) not on the latest edit%n",
                findings(ConvergenceCheck.Kind.NOT_CONVERGED).size(), findings(ConvergenceCheck.Kind.OLDER_EDIT).size()));
        warnings().forEach(w -> out.append(w).append('\n'));
        problems().forEach(p -> out.append(p).append('\n'));
        if (!journalHints.isEmpty()) {
            out.append("journal of the first wrong fields:\n");
            journalHints.forEach(h -> out.append("  ").append(h).append('\n'));
        }
        return out.toString();
    }

    void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String secs(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
