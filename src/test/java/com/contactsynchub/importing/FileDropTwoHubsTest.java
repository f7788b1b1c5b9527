package com.contactsynchub.importing;

import static com.contactsynchub.importing.FileDropEndToEndTest.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.contactsynchub.ContactSyncHubApplication;

/**
 * Whole hubs (Spring application contexts) on one H2 file database and one inbox: a hub stopped in the middle of a
 * file, and two hubs watching the same folder. No row may be applied twice.
 */
class FileDropTwoHubsTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void aHubRestartedInTheMiddleOfAFileResumesItAndAppliesEveryRowOnce() throws Exception {
        Path dir = Path.of("./target/test-data/restart-" + UUID.randomUUID()).toAbsolutePath();
        int rows = 3000;
        Path file = drop(dir.resolve("inbox/crm/contacts"), "contacts.csv", contacts("RS", rows));
        String fileName = file.getFileName().toString();

        ConfigurableApplicationContext first = start(dir, "--hub.data-dir=" + dir);
        NamedParameterJdbcTemplate jdbc = first.getBean(NamedParameterJdbcTemplate.class);
        await().atMost(WAIT).until(() -> rowsDone(jdbc, fileName) >= 100);
        first.close(); // stops the import at its next row: the claim stays "running", its heartbeat stops

        assertThat(Files.exists(file)).isTrue();
        try (ConfigurableApplicationContext second = start(dir, "--hub.data-dir=" + dir)) {
            NamedParameterJdbcTemplate db = second.getBean(NamedParameterJdbcTemplate.class);
            FileImport before = single(db, fileName);
            assertThat(before.state()).isEqualTo(FileImport.RUNNING);
            assertThat(before.rowsDone()).isBetween(100L, rows - 1L);

            Path report = dir.resolve("inbox/crm/contacts/done/contacts.csv.report.txt");
            await().atMost(WAIT).until(() -> Files.exists(report));
            FileImport after = single(db, fileName);
            assertThat(after.state()).isEqualTo(FileImport.DONE);
            assertThat(after.attempts()).isEqualTo(2);
            assertThat(messages(db, after.contentSha256())).isEqualTo(rows);
            assertThat(db.queryForObject("select count(*) from known_record where record_no like 'RS%'",
                    new MapSqlParameterSource(), Long.class)).isEqualTo(rows);
            List<String> lines = Files.readAllLines(report);
            long appliedBefore = lines.stream().filter(l -> l.contains("applied before")).count();
            assertThat(appliedBefore).isGreaterThanOrEqualTo(before.rowsDone());
            assertThat(lines).contains("Totals: " + rows + " row(s): " + rows + " created, 0 updated, 0 unchanged, "
                    + "0 not linked, 0 skipped, 0 error");
        }
    }

    @Test
    void twoHubsWatchingOneInboxApplyEachFileOnceAndRecogniseTheSameContentUnderAnotherName() throws Exception {
        Path dir = Path.of("./target/test-data/two-hubs-" + UUID.randomUUID()).toAbsolutePath();
        String db = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/hub");
        String inbox = "--hub.import.inbox=" + dir.resolve("inbox");
        try (ConfigurableApplicationContext a = start(dir, db, inbox);
                ConfigurableApplicationContext b = start(dir, db, inbox)) {
            NamedParameterJdbcTemplate jdbc = a.getBean(NamedParameterJdbcTemplate.class);
            Path folder = dir.resolve("inbox/crm/contacts");
            byte[] content = contacts("TH", 400);
            drop(folder, "first.csv", content);
            drop(folder, "second.csv", contacts("TJ", 300));
            drop(folder, "first-again.csv", content);

            Path done = folder.resolve("done");
            // The copy's report is named after both files: first-again.csv.same-as-first.csv.report.txt (or the
            // other way round, whichever of the two a hub took first).
            await().atMost(WAIT).until(() -> Files.exists(done.resolve("second.csv.report.txt"))
                    && (Files.exists(done.resolve("first.csv.report.txt"))
                            && Files.exists(done.resolve("first-again.csv.same-as-first.csv.report.txt"))
                            || Files.exists(done.resolve("first-again.csv.report.txt"))
                                    && Files.exists(done.resolve("first.csv.same-as-first-again.csv.report.txt"))));
            try (var left = Files.list(folder)) {
                assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
            }
            // first.csv and first-again.csv have the same content: whichever came first was applied, the other
            // recognised; each of the 700 rows was applied exactly once.
            List<FileImport> imports = new ArrayList<>(jdbc.query("select import_id from file_import",
                    (rs, i) -> rs.getString(1)).stream().map(id -> a.getBean(FileImports.class).find(id).orElseThrow())
                    .toList());
            assertThat(imports).extracting(FileImport::state).containsExactlyInAnyOrder(FileImport.DONE,
                    FileImport.DONE, FileImport.ALREADY_IMPORTED);
            FileImport applied = imports.stream().filter(i -> i.rowsTotal() == 400 && i.state().equals(FileImport.DONE))
                    .findFirst().orElseThrow();
            assertThat(messages(jdbc, applied.contentSha256())).isEqualTo(400);
            assertThat(jdbc.queryForObject("select count(*) from known_record where record_no like 'TH%' "
                    + "or record_no like 'TJ%'", new MapSqlParameterSource(), Long.class)).isEqualTo(700);
            String again = applied.fileName().equals("first.csv") ? "first-again.csv" : "first.csv";
            assertThat(Files.readString(done.resolve(again + ".same-as-" + applied.fileName() + ".report.txt")))
                    .contains("Already imported: the same content was imported on ")
                    .contains(" as " + applied.fileName() + "; nothing applied.");
            try (var reports = Files.list(done)) {
                assertThat(reports.filter(p -> p.getFileName().toString().endsWith(".report.txt")).count())
                        .as("one report per file, none of an import left unfinished").isEqualTo(3);
            }
        }
    }

    private static byte[] contacts(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("No.,Type,Name,City\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append(i).append(",Company,Company ").append(i).append(",Atlanta\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ConfigurableApplicationContext start(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("--spring.jmx.enabled=false", "--hub.import.claim-timeout=3s",
                "--hub.import.heartbeat-interval=200ms", "--hub.import.poll-delay=200",
                "--hub.import.read-lock-min-age=500", "--hub.import.read-lock-check-interval=200"));
        if (args.stream().noneMatch(a -> a.startsWith("--hub.import.inbox="))) {
            args.add("--hub.import.inbox=" + dir.resolve("inbox"));
        }
        return new SpringApplicationBuilder(ContactSyncHubApplication.class).profiles("test")
                .run(args.toArray(String[]::new));
    }

    private static long rowsDone(NamedParameterJdbcTemplate jdbc, String fileName) {
        return jdbc.queryForList("select rows_done from file_import where file_name = :name",
                new MapSqlParameterSource("name", fileName), Long.class).stream().findFirst().orElse(0L);
    }

    private static FileImport single(NamedParameterJdbcTemplate jdbc, String fileName) {
        String id = jdbc.queryForObject("select import_id from file_import where file_name = :name",
                new MapSqlParameterSource("name", fileName), String.class);
        return new FileImports(jdbc).find(id).orElseThrow();
    }

    private static long messages(NamedParameterJdbcTemplate jdbc, String sha) {
        return jdbc.queryForObject("select count(*) from inbound_message where message_id like :prefix",
                new MapSqlParameterSource("prefix", sha.substring(0, 16) + ":%"), Long.class);
    }
}
