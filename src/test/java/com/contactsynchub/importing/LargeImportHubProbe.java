package com.contactsynchub.importing;

import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.contactsynchub.ContactSyncHubApplication;

import net.datafaker.Faker;

/**
 * Run in its own JVM with a small heap by {@link LargeImportThroughHubTest} and by
 * {@link com.contactsynchub.benchmark.ImportBenchmark}: a whole hub (embedded broker, H2, routes) imports a generated
 * customers export through its drop folder and the intake. Prints the heap in use after garbage collection at every
 * tenth of the rows, the time left the import's status (GET /api/imports/{id}) predicted at each tenth against the
 * time it really took, the rate and the report's totals. With {@code baseline} as third argument it then reads the
 * same file with a plain commons-csv parser and inserts it with JDBC batches into a table of an H2 database opened
 * with the hub's own settings, and prints that rate too: the same machine at the same time, as a yardstick.
 *
 * <p>Arguments: rows, inbox folder, optionally {@code baseline}. Output lines start with {@code state=},
 * {@code heap }, {@code progress }, {@code totals=}, {@code baseline }.
 */
public final class LargeImportHubProbe {

    /** The hub's embedded H2 settings (application.yml), for the baseline's database. */
    static final String H2_SETTINGS = ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    static final int BASELINE_BATCH = 1000;

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        Path inbox = Path.of(args[1]);
        boolean baseline = args.length > 2 && "baseline".equals(args[2]);
        Path staging = Files.createDirectories(inbox.resolveSibling("staging")).resolve("customers.csv");
        long generating = System.nanoTime();
        generate(staging, rows);
        System.out.printf("generated rows=%d bytes=%d seconds=%.1f%n", rows, Files.size(staging),
                (System.nanoTime() - generating) / 1e9);
        Path done;
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(ContactSyncHubApplication.class)
                .profiles("test")
                .run("--hub.import.inbox=" + inbox, "--hub.import.poll-delay=200",
                        "--hub.import.read-lock-min-age=500", "--hub.import.heartbeat-interval=500ms",
                        // no automatic contacts: the rows are only recorded, nothing waits for another system
                        "--hub.setup.contact-nos=", "--logging.level.root=WARN",
                        // surefire's class path lists target/classes twice for this child JVM: read the routes from
                        // their folder instead, or Camel sees every route twice
                        "--camel.main.routes-include-pattern=file:routes/crm/*.camel.yaml,"
                                + "file:routes/erp/*.camel.yaml,file:routes/importing/*.camel.yaml")) {
            ImportProperties folders = hub.getBean(ImportProperties.class);
            FileImports imports = hub.getBean(FileImports.class);
            done = folders.erpCustomers().resolve("done");
            // the route creates its folder at its first poll, which may not have come yet
            Files.createDirectories(folders.erpCustomers());
            Files.move(staging, folders.erpCustomers().resolve("customers.csv"), StandardCopyOption.ATOMIC_MOVE);
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long[] heapAt = new long[11];
            double[] secondsAt = new double[11];
            Long[] predictedLeftAt = new Long[11];
            int nextTenth = 1;
            FileImport latest = null;
            while (latest == null || "running".equals(latest.state())) {
                Thread.sleep(200);
                List<FileImport> found = imports.latest(1);
                latest = found.isEmpty() ? null : found.get(0);
                // every tenth reached since the last look is measured now (the last one after the import ends)
                while (latest != null && nextTenth < 10 && latest.rowsDone() >= (long) rows * nextTenth / 10) {
                    secondsAt[nextTenth] = (System.nanoTime() - start) / 1e9;
                    predictedLeftAt[nextTenth] = ImportStatus.of(latest).secondsLeft();
                    heapAt[nextTenth] = heapAfterGc();
                    nextTenth++;
                }
                if ((System.nanoTime() - start) / 1e9 > 3600) {
                    throw new IllegalStateException("import not finished after an hour: " + latest);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            heapAt[10] = heapAfterGc();
            ImportStatus status = ImportStatus.of(latest);
            System.out.printf("state=%s rows=%d seconds=%.1f rowsPerSecond=%.0f heapAt10Percent=%d heapAtEnd=%d%n",
                    latest.state(), latest.rowsDone(), seconds, latest.rowsDone() / seconds, heapAt[1], heapAt[10]);
            System.out.printf("importRate rowsPerSecondReported=%s attemptSeconds=%.1f cpuSeconds=%.1f "
                    + "cpuMicrosPerRow=%.0f (the whole hub JVM, both cores; the machine's load does not change it much)%n",
                    status.rowsPerSecond(), java.time.Duration.between(latest.attemptStartedAt(),
                            latest.finishedAt()).toMillis() / 1000.0, cpuSeconds, cpuSeconds * 1e6 / rows);
            StringBuilder heap = new StringBuilder("heap MB after GC at 10..100 %:");
            long low = Long.MAX_VALUE;
            long high = 0;
            for (int tenth = 1; tenth <= 10; tenth++) {
                heap.append(' ').append(heapAt[tenth] / (1024 * 1024));
                if (heapAt[tenth] > 0) {
                    low = Math.min(low, heapAt[tenth]);
                    high = Math.max(high, heapAt[tenth]);
                }
            }
            System.out.println(heap + String.format(" (max/min %.2f)", (double) high / low));
            for (int tenth = 1; tenth < 10; tenth++) {
                System.out.printf("progress at %d%%: %.1f s, predicted left %s s, actually left %.1f s%n", tenth * 10,
                        secondsAt[tenth], predictedLeftAt[tenth], seconds - secondsAt[tenth]);
            }
            System.out.println("totals=" + latest.summary());
            // H2 writes a new chunk per commit and reuses space only later: its file's size while busy
            Path database = Path.of(hub.getEnvironment().getProperty("hub.data-dir"), "db", "hub.mv.db");
            if (Files.exists(database)) {
                System.out.printf("database file at the end of the import: %d MB%n", Files.size(database) >> 20);
            }
        }
        if (baseline) {
            baseline(done.resolve("customers.csv"), inbox.resolveSibling("baseline-db"), rows);
        }
        System.exit(0);
    }

    /** A customers export (BC's column captions, semicolons, some values quoted) with distinct record numbers. */
    static void generate(Path file, int rows) throws Exception {
        Faker faker = new Faker(Locale.US, new Random(7));
        // Faker is slow per value: draw from pools instead of asking it a million times
        int pool = Math.min(rows, 5000);
        List<String[]> values = new ArrayList<>(pool);
        for (int i = 0; i < pool; i++) {
            values.add(new String[] {faker.company().name().replace("\"", ""), faker.address().city(),
                    faker.phoneNumber().cellPhone(), faker.internet().emailAddress()});
        }
        Random random = new Random(11);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("No.;Name;City;Phone No.;E-Mail\n");
            for (int i = 0; i < rows; i++) {
                out.write("L" + i + ";\"" + values.get(random.nextInt(pool))[0] + "\";"
                        + values.get(random.nextInt(pool))[1] + ";" + values.get(random.nextInt(pool))[2] + ";"
                        + values.get(random.nextInt(pool))[3] + "\n");
            }
        }
    }

    /** The yardstick: parse the same file with commons-csv and insert it in JDBC batches, a commit per batch. */
    static void baseline(Path file, Path folder, int rows) throws Exception {
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("plain") + H2_SETTINGS;
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long inserted = 0;
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("create table customer_row (no varchar(20) primary key, name varchar(100), "
                        + "city varchar(30), phone varchar(30), email varchar(80))");
            }
            db.setAutoCommit(false);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
                            .setSkipHeaderRecord(true).get().parse(in);
                    PreparedStatement insert = db.prepareStatement(
                            "insert into customer_row (no, name, city, phone, email) values (?, ?, ?, ?, ?)")) {
                for (CSVRecord record : parser) {
                    for (int column = 0; column < 5; column++) {
                        insert.setString(column + 1, record.get(column));
                    }
                    insert.addBatch();
                    if (++inserted % BASELINE_BATCH == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            try (Statement count = db.createStatement(); ResultSet rs = count.executeQuery(
                    "select count(*) from customer_row")) {
                rs.next();
                inserted = rs.getLong(1);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf("baseline rows=%d seconds=%.1f rowsPerSecond=%.0f cpuMicrosPerRow=%.1f (commons-csv parse + "
                + "JDBC batches of %d, H2 file%s)%n", inserted, seconds, inserted / seconds, cpuSeconds * 1e6 / inserted,
                BASELINE_BATCH, H2_SETTINGS);
        if (inserted != rows) {
            throw new IllegalStateException("baseline inserted " + inserted + " rows, not " + rows);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
