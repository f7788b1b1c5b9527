package com.contactsynchub.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import net.datafaker.Faker;

/**
 * A 200,000-row customers export (generated with datafaker) streamed in a separate JVM limited to 256 MB of heap:
 * the file is larger than what could be held as objects in that heap, the run completes, and the heap in use at the
 * end is about what it was at 10 % of the file.
 */
class LargeFileMemoryTest {

    private static final int ROWS = 200_000;

    @Test
    void aLargeFileIsStreamedWithFlatMemory() throws Exception {
        Path dir = Files.createDirectories(Path.of("./target/test-data/large-" + UUID.randomUUID()));
        Path file = dir.resolve("customers.csv");
        Faker faker = new Faker(Locale.US, new java.util.Random(42));
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("No.;Name;Address;City;Post Code;Country/Region Code;Phone No.;E-Mail;Home Page\n");
            for (int i = 0; i < ROWS; i++) {
                String name = faker.company().name().replace("\"", "");
                out.write("C" + i + ";\"" + name + "\";\"" + faker.address().streetAddress() + "\";"
                        + faker.address().city() + ";" + faker.address().zipCode() + ";US;"
                        + faker.phoneNumber().cellPhone() + ";" + faker.internet().emailAddress() + ";"
                        + "https://example.com/" + i + "\n");
            }
        }
        Path report = dir.resolve("customers.csv.report.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LargeFileProbe.class.getName(), file.toString(), report.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        System.out.println("Large file (" + Files.size(file) / (1024 * 1024) + " MB, " + ROWS + " rows): " + output);
        assertThat(exit).as(output).isZero();

        Matcher m = Pattern.compile("rows=(\\d+) .*heapAt10Percent=(\\d+) heapAtEnd=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(ROWS);
        long early = Long.parseLong(m.group(2));
        long end = Long.parseLong(m.group(3));
        assertThat(end - early).as("heap growth from 10 %% to 100 %% of the file").isLessThan(16L * 1024 * 1024);
        String last = lastLines(report);
        assertThat(last).contains("Totals: " + ROWS + " row(s)");
        assertThat(Files.lines(report).filter(l -> l.startsWith("row ")).count()).isEqualTo(ROWS);
        Files.delete(file);
    }

    private static String lastLines(Path report) throws Exception {
        try (var lines = Files.lines(report)) {
            return String.join(File.separator, lines.skip(ROWS).toList());
        }
    }
}
