package com.contactsynchub.durability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What the embedded database's {@code WRITE_DELAY=0} costs, on this machine: single-row transactions per second with
 * the hub's URL (every commit written to the file before {@code commit()} returns) against the same URL with H2's
 * default write delay (commits written by a background thread every 500 ms), alternating the two so that both see the
 * same load. A second workload updates random rows of a table for a while and prints the file size and the rate at
 * its start and end: with {@code WRITE_DELAY=0} H2 has no background thread, so it never rewrites half-empty chunks
 * while running (it compacts when the database is closed).
 * <p>
 * Not part of {@code mvn verify} (figures on a shared machine are noise, not pass/fail); run it with
 * {@code mvn test -Dtest=H2CommitCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class H2CommitCostBenchmark {

    static final int INSERTS = Integer.getInteger("benchmark.inserts", 3000);
    static final int ROWS = Integer.getInteger("benchmark.rows", 20_000);
    static final int UPDATES = Integer.getInteger("benchmark.updates", 60_000);

    @Test
    void commitsPerSecondWithAndWithoutWriteDelay() throws Exception {
        Path base = Files.createDirectories(Path.of("./target/test-data/h2-commit-cost-" + UUID.randomUUID()));
        EmbeddedDatabaseUrl hub = EmbeddedDatabaseUrl.forDataDir(base);
        String hubUrl = hub.url();
        String h2Default = hubUrl.replace(";WRITE_DELAY=0", "");
        System.out.println("H2CommitCostBenchmark: hub URL " + hubUrl);

        List<Double> withHub = new ArrayList<>();
        List<Double> withDefault = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            withHub.add(insertRate(fresh(hubUrl, base, "hub-" + round), hub));
            withDefault.add(insertRate(fresh(h2Default, base, "default-" + round), hub));
        }
        System.out.printf("H2CommitCostBenchmark inserts, one per commit (%d, 3 rounds): hub URL %s commits/s, "
                + "H2 default write delay %s commits/s%n", INSERTS, rates(withHub), rates(withDefault));

        updates("hub URL", fresh(hubUrl, base, "updates-hub"), hub);
        updates("H2 default write delay", fresh(h2Default, base, "updates-default"), hub);
    }

    private static String fresh(String url, Path base, String name) {
        return url.replace(base.toAbsolutePath() + "/db/hub", base.toAbsolutePath() + "/" + name + "/hub");
    }

    private static String rates(List<Double> rates) {
        return rates.stream().map(r -> String.format("%.0f", r)).toList().toString();
    }

    private static double insertRate(String url, EmbeddedDatabaseUrl login) throws Exception {
        try (Connection c = DriverManager.getConnection(url, login.username(), login.password())) {
            try (Statement ddl = c.createStatement()) {
                ddl.execute("CREATE TABLE probe (id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO probe VALUES (?, ?)")) {
                long start = System.nanoTime();
                for (int id = 1; id <= INSERTS; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "row " + id);
                    insert.executeUpdate();
                    c.commit();
                }
                return INSERTS / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void updates(String label, String url, EmbeddedDatabaseUrl login) throws Exception {
        Path file = Path.of(url.substring("jdbc:h2:file:".length(), url.indexOf(';') < 0 ? url.length()
                : url.indexOf(';')) + ".mv.db");
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection(url, login.username(), login.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (id BIGINT PRIMARY KEY, payload VARCHAR(200) NOT NULL)");
                s.execute("INSERT INTO probe SELECT x, 'row ' || x FROM SYSTEM_RANGE(1, " + ROWS + ")");
            }
            c.setAutoCommit(false);
            long sizeAfterLoad = Files.size(file);
            int slice = UPDATES / 10;
            List<String> rates = new ArrayList<>();
            try (PreparedStatement update = c.prepareStatement("UPDATE probe SET payload = ? WHERE id = ?")) {
                for (int part = 0; part < 10; part++) {
                    long start = System.nanoTime();
                    for (int i = 0; i < slice; i++) {
                        update.setString(1, "updated " + random.nextLong());
                        update.setLong(2, 1 + random.nextInt(ROWS));
                        update.executeUpdate();
                        c.commit();
                    }
                    rates.add(String.format("%.0f", slice / ((System.nanoTime() - start) / 1e9)));
                }
            }
            System.out.printf("H2CommitCostBenchmark updates (%d rows, %d single-row commits), %s: commits/s per "
                    + "tenth %s, file %d KB after the load, %d KB after the updates%n", ROWS, UPDATES, label, rates,
                    sizeAfterLoad / 1024, Files.size(file) / 1024);
        }
        System.out.printf("H2CommitCostBenchmark %s: file %d KB after close%n", label, Files.size(file) / 1024);
    }
}
