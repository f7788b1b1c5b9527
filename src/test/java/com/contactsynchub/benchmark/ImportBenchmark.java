package com.contactsynchub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.contactsynchub.importing.LargeImportHubProbe;

/**
 * The import figures of issue #10, on this machine: a generated customers export (1,000,000 rows unless
 * {@code -Dbenchmark.import-rows}) imported through a whole hub on its embedded defaults in a child JVM at
 * {@code -Xmx256m}, and in the same child, right after, the same file parsed with commons-csv and inserted with JDBC
 * batches into an H2 database with the hub's settings. Prints both rates and their ratio, the heap after GC at
 * every tenth, the predicted against the real time left, and the report's totals. Not part of the test suite
 * (figures on a shared machine are not pass/fail): {@code mvn -Pimport-benchmark test} or
 * {@code mvn test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It fails only when the import
 * does not finish, its totals are wrong, or the child hangs (bounded by {@code benchmark.import-timeout-minutes}).
 */
class ImportBenchmark {

    static final int ROWS = Integer.getInteger("benchmark.import-rows", 1_000_000);
    static final int TIMEOUT_MINUTES = Integer.getInteger("benchmark.import-timeout-minutes", 90);

    @Test
    void printImportFigures() throws Exception {
        Path inbox = Files.createDirectories(Path.of("./target/test-data/import-benchmark-" + UUID.randomUUID(),
                "inbox"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LargeImportHubProbe.class.getName(), String.valueOf(ROWS), inbox.toString(), "baseline")
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        // read on another thread so that a hung child is noticed by the bounded wait below
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (java.io.IOException closed) {
                // the child was killed
            }
        });
        reader.start();
        if (!child.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the import benchmark did not finish within " + TIMEOUT_MINUTES + " minutes:\n"
                    + output);
        }
        reader.join(10_000);
        String text;
        synchronized (output) {
            text = output.toString();
        }
        assertThat(child.exitValue()).as(text).isZero();
        Matcher hub = Pattern.compile("state=(\\S+) rows=(\\d+) seconds=(\\S+) rowsPerSecond=(\\d+)").matcher(text);
        Matcher plain = Pattern.compile("baseline rows=(\\d+) seconds=(\\S+) rowsPerSecond=(\\d+)").matcher(text);
        Matcher totals = Pattern.compile("totals=(\\d+) row\\(s\\): 0 created, 0 updated, 0 unchanged, (\\d+) not "
                + "linked, 0 skipped, 0 error").matcher(text);
        assertThat(hub.find() && plain.find()).as(text).isTrue();
        assertThat(hub.group(1)).as(text).isEqualTo("done");
        assertThat(totals.find()).as("report totals: every row a new, unlinked customer\n" + text).isTrue();
        assertThat(Long.parseLong(totals.group(1))).isEqualTo(ROWS);
        assertThat(Long.parseLong(totals.group(2))).isEqualTo(ROWS);
        double hubRate = Double.parseDouble(hub.group(4));
        double plainRate = Double.parseDouble(plain.group(3));
        StringBuilder figures = new StringBuilder();
        figures.append(String.format("%nIMPORT BENCHMARK (%,d rows, child JVM -Xmx256m, %d cores)%n", ROWS,
                Runtime.getRuntime().availableProcessors()));
        figures.append(String.format("  hub, drop to done (inspection, claim, intake, report): %,8.0f rows/s in %s s%n",
                hubRate, hub.group(3)));
        figures.append(String.format("  plain commons-csv parse + JDBC batch insert (H2)     : %,8.0f rows/s in %s s%n",
                plainRate, plain.group(2)));
        figures.append(String.format("  ratio hub / plain                                    : %8.3f%n",
                hubRate / plainRate));
        text.lines().filter(l -> l.startsWith("heap ") || l.startsWith("progress ") || l.startsWith("totals=")
                || l.startsWith("importRate") || l.startsWith("generated") || l.startsWith("state=")
                || l.startsWith("baseline ") || l.startsWith("database ")).forEach(l -> figures.append("  ")
                .append(l).append('\n'));
        System.out.println(figures);
    }
}
