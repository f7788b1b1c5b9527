package com.contactsynchub.importing;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.contactsynchub.ContactSyncHubApplication;

import net.datafaker.Faker;

/**
 * Run in its own JVM with a small heap by {@link LargeImportThroughHubTest}: a whole hub (embedded broker, H2,
 * routes) imports a generated customers export through its drop folder, row by row through the intake. Prints the
 * heap in use after garbage collection at about 10 % of the rows and at the end, and the rate.
 */
public final class LargeImportHubProbe {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        Path inbox = Path.of(args[1]);
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
            Path staging = Files.createDirectories(inbox.resolveSibling("staging")).resolve("customers.csv");
            Faker faker = new Faker(Locale.US, new Random(7));
            try (BufferedWriter out = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
                out.write("No.;Name;City;Phone No.;E-Mail\n");
                for (int i = 0; i < rows; i++) {
                    out.write("L" + i + ";\"" + faker.company().name().replace("\"", "") + "\";"
                            + faker.address().city() + ";" + faker.phoneNumber().cellPhone() + ";"
                            + faker.internet().emailAddress() + "\n");
                }
            }
            Files.move(staging, folders.erpCustomers().resolve("customers.csv"), StandardCopyOption.ATOMIC_MOVE);
            long start = System.nanoTime();
            long early = -1;
            FileImport latest = null;
            while (latest == null || "running".equals(latest.state())) {
                Thread.sleep(200);
                List<FileImport> found = imports.latest(1);
                latest = found.isEmpty() ? null : found.get(0);
                if (latest != null && early < 0 && latest.rowsDone() >= rows / 10) {
                    early = heapAfterGc();
                }
                if ((System.nanoTime() - start) / 1e9 > 600) {
                    throw new IllegalStateException("import not finished after 10 minutes: " + latest);
                }
            }
            long end = heapAfterGc();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("state=%s rows=%d seconds=%.1f rowsPerSecond=%.0f heapAt10Percent=%d heapAtEnd=%d%n",
                    latest.state(), latest.rowsDone(), seconds, latest.rowsDone() / seconds, early, end);
        }
        System.exit(0);
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
