package com.contactsynchub.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A transaction the embedded H2 database acknowledged as committed survives a {@code kill -9} of the JVM.
 * <p>
 * A child JVM opens the database with exactly the URL of the hub's default {@code application.yml} and commits one
 * row per transaction, printing each id after its {@code commit()} returned. Once some hundreds were reported the
 * child is killed with SIGKILL ({@link Process#destroyForcibly()}: no shutdown hook, no close of the database),
 * the rest of what it printed is read, and the database is reopened: every reported id must be there.
 * <p>
 * This covers the process dying, not the machine: H2 writes each commit to the file but does not fsync it, so a
 * power loss or an operating system crash can still lose the last commits (docs/operations.md).
 */
class H2KillDurabilityTest {

    /** Commits reported before the kill. */
    private static final int COMMITS_BEFORE_KILL = 600;
    /** Kills in a row: each one must lose nothing. */
    private static final int ROUNDS = 3;

    @Test
    void everyReportedCommitIsOnDiskAfterKillMinus9() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("./target/test-data/kill-durability-" + UUID.randomUUID()));
        EmbeddedDatabaseUrl db = EmbeddedDatabaseUrl.forDataDir(dataDir);
        System.out.println("H2KillDurabilityTest: database URL " + db.url() + ", WRITE_DELAY " + writeDelay(db));

        List<String> problems = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            wipe(dataDir);
            Round result = killWhileCommitting(db, dataDir.resolve("child-" + round + ".out"));
            TreeSet<Long> onDisk = idsOnDisk(db);
            TreeSet<Long> lost = new TreeSet<>(result.reported);
            lost.removeAll(onDisk);
            System.out.printf("H2KillDurabilityTest round %d: %d commits reported (%.0f commits/s), "
                    + "%d on disk after the restart, %d lost%s%n", round, result.reported.size(),
                    result.commitsPerSecond, onDisk.size(), lost.size(),
                    lost.isEmpty() ? "" : " (ids " + lost.first() + ".." + lost.last() + ")");
            if (!lost.isEmpty()) {
                problems.add("round " + round + ": " + lost.size() + " of " + result.reported.size()
                        + " reported commits lost, ids " + lost.first() + ".." + lost.last());
            }
        }
        assertThat(problems).as("commits reported by the killed JVM but missing after the restart (URL %s)",
                db.url()).isEmpty();
    }

    private record Round(TreeSet<Long> reported, double commitsPerSecond) {
    }

    private static Round killWhileCommitting(EmbeddedDatabaseUrl db, Path output) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The child's stdout goes to a file: what it printed before it died stays readable after the kill
        // (destroyForcibly closes the pipe of a Process).
        Files.deleteIfExists(output);
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CommitThenPrint.class.getName(), db.url(), db.username(), db.password())
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (committedLines(output).size() < COMMITS_BEFORE_KILL) {
                assertThat(child.isAlive()).as("child still running (see its stderr above)").isTrue();
                assertThat(System.nanoTime()).as("%d commits within 120 s", COMMITS_BEFORE_KILL)
                        .isLessThan(deadline);
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, the database is not closed
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child ended").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("the child was killed, it did not stop by itself").isNotZero();
        // Everything the child printed up to its death, also after the line that made us kill it.
        List<long[]> lines = committedLines(output);
        TreeSet<Long> reported = new TreeSet<>();
        lines.forEach(l -> reported.add(l[0]));
        double seconds = (lines.get(lines.size() - 1)[1] - lines.get(0)[1]) / 1e9;
        return new Round(reported, seconds > 0 ? (lines.size() - 1) / seconds : 0);
    }

    /** The complete {@code committed <id> <nanos>} lines of the child's output so far, as {id, nanos}. */
    private static List<long[]> committedLines(Path output) throws Exception {
        List<long[]> lines = new ArrayList<>();
        if (!Files.exists(output)) {
            return lines;
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        // A line without its line break may have been cut short by the kill: only complete lines count.
        int complete = text.lastIndexOf('\n');
        for (String line : text.substring(0, complete + 1).split("\n")) {
            if (line.startsWith("committed ")) {
                String[] parts = line.split(" ");
                lines.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return lines;
    }

    private static TreeSet<Long> idsOnDisk(EmbeddedDatabaseUrl db) throws Exception {
        TreeSet<Long> ids = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement select = connection.createStatement()) {
            try (ResultSet table = connection.getMetaData().getTables(null, null, "DURABILITY_PROBE", null)) {
                if (!table.next()) {
                    return ids; // not even the table made it to disk
                }
            }
            try (ResultSet rows = select.executeQuery("SELECT id FROM durability_probe")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /** The write delay H2 applies with this URL (its default is 500 ms). */
    private static String writeDelay(EmbeddedDatabaseUrl db) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return row.next() ? row.getString(1) + " ms" : "unknown";
        }
    }

    private static void wipe(Path dataDir) throws Exception {
        Path dbDir = dataDir.resolve("db");
        if (Files.exists(dbDir)) {
            try (var files = Files.walk(dbDir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }
}
