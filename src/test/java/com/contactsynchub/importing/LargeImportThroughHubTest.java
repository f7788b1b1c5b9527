package com.contactsynchub.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A whole hub in a separate JVM limited to 256 MB of heap imports a large export through its drop folder and the
 * intake (database, broker, routes): it completes, and the heap in use at the end is about what it was at 10 %.
 * {@link LargeFileMemoryTest} does the same for a much larger file without the database and broker.
 */
class LargeImportThroughHubTest {

    private static final int ROWS = 20_000;

    @Test
    void aLargeExportIsImportedThroughTheHubWithFlatMemory() throws Exception {
        Path inbox = Files.createDirectories(Path.of("./target/test-data/large-hub-" + UUID.randomUUID(), "inbox"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LargeImportHubProbe.class.getName(), String.valueOf(ROWS), inbox.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher m = Pattern.compile("state=(\\S+) rows=(\\d+) seconds=(\\S+) rowsPerSecond=(\\d+) "
                + "heapAt10Percent=(-?\\d+) heapAtEnd=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        System.out.println("Large import through the hub (-Xmx256m): " + m.group());
        assertThat(exit).as(output).isZero();
        assertThat(m.group(1)).isEqualTo("done");
        assertThat(Long.parseLong(m.group(2))).isEqualTo(ROWS);
        long early = Long.parseLong(m.group(5));
        long end = Long.parseLong(m.group(6));
        assertThat(early).as("heap measured at 10 %").isPositive();
        assertThat(end - early).as("heap growth from 10 % to 100 % of the rows").isLessThan(32L * 1024 * 1024);
        Path report = inbox.resolve("erp/customers/done/customers.csv.report.txt");
        try (var lines = Files.lines(report)) {
            assertThat(lines.filter(l -> l.startsWith("row ")).count()).isEqualTo(ROWS);
        }
    }
}
