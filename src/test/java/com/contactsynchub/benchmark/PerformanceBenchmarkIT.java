package com.contactsynchub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.contactsynchub.crash.HubDeployment;
import com.contactsynchub.crash.HubProcess;

/**
 * The hub against the broker's own limit, side by side on the same broker in the same run (docs/performance.md):
 * {@code mvn verify -Pbenchmark}. For each setup it prints
 * <ul>
 * <li>B1 and B50: a durable receive-send-commit hop of 1 KiB messages by 4 consumers, committing every message or
 * every 50 (the broker and its disk, nothing else);</li>
 * <li>the hub saturated: contact edits on 1,000 linked groups, sent as fast as the broker takes them, each applied
 * by the finance system and echoed back, so two inbound events per edit; events per second until all are handled,
 * and that figure divided by B50;</li>
 * <li>the hub at 1,000 events per second offered (500 edits and their 500 echoes): latency from an edit sent to its
 * command received, p50 and p99; and the same at half the rate it managed saturated (its latency without a
 * backlog);</li>
 * <li>where the CPU went (machine busy %, CPU seconds of each hub process).</li>
 * </ul>
 * Setups: the packaged hub on its embedded defaults (broker and H2 inside), and one and then two hubs in the
 * production profile on a standalone Artemis 2.40 and PostgreSQL (scale-out). Every wait is bounded. A figure
 * that misses its goal does not fail the run (the machine is shared): the benchmark prints it, and fails only when
 * the hub got something wrong (per-record order).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerformanceBenchmarkIT {

    static final int GROUPS = Integer.getInteger("benchmark.groups", 1_000);
    static final int EDITS = Integer.getInteger("benchmark.edits", 20_000);
    static final int B1_MESSAGES = Integer.getInteger("benchmark.b1-messages", 3_000);
    static final int B50_MESSAGES = Integer.getInteger("benchmark.b50-messages", 20_000);
    static final int CONSUMERS = 4;
    static final int OFFERED_EDITS_PER_SECOND = 500;
    static final Duration OFFERED_FOR = Duration.ofSeconds(Integer.getInteger("benchmark.offer-seconds", 30));
    static final Duration PATIENCE = Duration.ofMinutes(10);
    /** The hubs run with the server compiler and a heap of 1 GiB (the crash tests' hubs are tuned to start fast). */
    static final List<String> JVM = jvmOptions();

    private static final Path RUN_DIR = Path.of("target", "benchmark", "run-" + System.currentTimeMillis());
    private static final Map<String, Result> RESULTS = new LinkedHashMap<>();

    @Test
    @Order(1)
    void embeddedDefaults() throws Exception {
        measure("embedded (Artemis + H2 in the hub)", HubDeployment.embedded(false, RUN_DIR.resolve("embedded"), JVM));
    }

    @Test
    @Order(2)
    void standaloneArtemisAndPostgresOneHub() throws Exception {
        measure("standalone Artemis + PostgreSQL, 1 hub",
                HubDeployment.sharedBroker(1, RUN_DIR.resolve("standalone-1"), JVM));
    }

    @Test
    @Order(3)
    void standaloneArtemisAndPostgresTwoHubs() throws Exception {
        measure("standalone Artemis + PostgreSQL, 2 hubs",
                HubDeployment.sharedBroker(2, RUN_DIR.resolve("standalone-2"), JVM));
    }

    /** Plus {@code -Dbenchmark.hub-jvm="..."} (blank-separated), e.g. a flight recording of the hubs. */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseParallelGC"));
        String extra = System.getProperty("benchmark.hub-jvm", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    private void measure(String setup, HubDeployment deployment) throws Exception {
        try (deployment) {
            deployment.start(Duration.ofMinutes(5));
            double b1 = BrokerHop.run(deployment.broker(), B1_MESSAGES, CONSUMERS, 1);
            double b50 = BrokerHop.run(deployment.broker(), B50_MESSAGES, CONSUMERS, 50);
            Map<String, Long> pids = new LinkedHashMap<>();
            for (HubProcess hub : deployment.hubs()) {
                pids.put(hub.name(), hub.pid());
            }
            try (SyncWorkload workload = new SyncWorkload(deployment.broker(), GROUPS,
                    EDITS * 2 + OFFERED_EDITS_PER_SECOND * (int) OFFERED_FOR.toSeconds() + 10)) {
                workload.start();
                workload.linkGroups(deployment.api(), PATIENCE);
                // Warm-up (JIT, pools, caches), not measured.
                workload.saturate(EDITS / 4, PATIENCE);
                CpuMeter cpu = new CpuMeter(pids);
                cpu.start();
                SyncWorkload.Figures saturated = workload.saturate(EDITS, PATIENCE);
                String cpuUse = cpu.stop();
                SyncWorkload.Figures offered = workload.offer(OFFERED_EDITS_PER_SECOND, OFFERED_FOR, PATIENCE);
                // And at half of what it managed saturated: the latency of the design itself, without a backlog.
                int halfEditsPerSecond = Math.max(5, (int) (saturated.eventsPerSecond() / 4));
                SyncWorkload.Figures half = workload.offer(halfEditsPerSecond, OFFERED_FOR, PATIENCE);
                Result result = new Result(setup, b1, b50, saturated, offered, half, cpuUse,
                        workload.orderViolations(), workload.commandsToContacts());
                RESULTS.put(setup, result);
                print(result.text());
                assertThat(workload.orderViolations()).as("customers that got an older edit after a newer one")
                        .isZero();
            }
        }
    }

    @AfterAll
    static void summary() {
        StringBuilder text = new StringBuilder(String.format("%nBENCHMARK SUMMARY (%s, %d cores, %d groups, %d edits)%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), GROUPS, EDITS));
        text.append(String.format("%-42s %7s %7s %9s %8s %17s %20s%n", "setup", "B1", "B50", "hub ev/s",
                "hub/B50", "p50/p99 ms @1000", "p50/p99 ms @half"));
        for (Result r : RESULTS.values()) {
            text.append(String.format("%-42s %7.0f %7.0f %9.0f %8.2f %8.0f/%-8.0f %6.0f/%-6.0f@%4.0f%n", r.setup, r.b1,
                    r.b50, r.saturated.eventsPerSecond(), r.saturated.eventsPerSecond() / r.b50,
                    r.offered.latency().p50Millis(), r.offered.latency().p99Millis(), r.half.latency().p50Millis(),
                    r.half.latency().p99Millis(), r.half.eventsPerSecond()));
        }
        Result one = RESULTS.get("standalone Artemis + PostgreSQL, 1 hub");
        Result two = RESULTS.get("standalone Artemis + PostgreSQL, 2 hubs");
        if (one != null && two != null) {
            text.append(String.format("scale-out: 2 hubs / 1 hub = %.2f (goal 1.6)%n",
                    two.saturated.eventsPerSecond() / one.saturated.eventsPerSecond()));
        }
        print(text.toString());
    }

    private static void print(String text) {
        System.out.println(text);
        try {
            Files.createDirectories(RUN_DIR);
            Files.writeString(RUN_DIR.resolve("results.txt"), text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (Exception ignored) {
            // printed already
        }
    }

    private record Result(String setup, double b1, double b50, SyncWorkload.Figures saturated,
            SyncWorkload.Figures offered, SyncWorkload.Figures half, String cpu, int orderViolations,
            long crmCommands) {

        String text() {
            List<String> lines = new ArrayList<>();
            lines.add("");
            lines.add("BENCHMARK " + setup);
            lines.add(String.format("  broker B1  (commit per message)  : %8.0f msg/s", b1));
            lines.add(String.format("  broker B50 (commit per 50)       : %8.0f msg/s", b50));
            lines.add(String.format("  hub saturated                    : %8.0f events/s = %.2f x B50 (goal 0.5), "
                    + "%.2f x B1; %d edits + %d echoes in %.1f s, %d commands", saturated.eventsPerSecond(),
                    saturated.eventsPerSecond() / b50, saturated.eventsPerSecond() / b1, saturated.edits(),
                    saturated.events() - saturated.edits(), saturated.seconds(), saturated.commands()));
            lines.add(String.format("  hub at %d events/s offered      : %.0f events/s over %.1f s; latency edit -> "
                    + "command p50 %.1f ms (goal 5), p99 %.1f ms (goal 50), %d samples",
                    OFFERED_EDITS_PER_SECOND * 2, offered.eventsPerSecond(), offered.seconds(),
                    offered.latency().p50Millis(), offered.latency().p99Millis(), offered.latency().samples()));
            lines.add(String.format("  hub at half its saturated rate   : %.0f events/s offered over %.1f s; latency p50 "
                    + "%.1f ms, p99 %.1f ms, %d samples", half.eventsPerSecond(), half.seconds(),
                    half.latency().p50Millis(), half.latency().p99Millis(), half.latency().samples()));
            lines.add("  CPU while saturated              : " + cpu);
            lines.add(String.format("  order violations %d; commands to the contact system %d", orderViolations,
                    crmCommands));
            return String.join("\n", lines);
        }
    }
}
