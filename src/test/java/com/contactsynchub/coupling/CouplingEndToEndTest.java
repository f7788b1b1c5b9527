package com.contactsynchub.coupling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.importing.ImportProperties;
import com.contactsynchub.intake.EventIntake;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupService;

/**
 * Match-based coupling of a few thousand generated companies through a whole hub (real embedded broker and database):
 * both exports are dropped into the import inboxes, a dry run reports every category exactly, the apply links and
 * creates through the intake, and neither applying again, a second run, nor a run taken over mid-apply after its hub
 * "died" links or creates anything twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.import.poll-delay=200", "hub.import.read-lock-min-age=500", "hub.import.read-lock-check-interval=200",
        "hub.import.read-lock-timeout=3000", "hub.coupling.claim-timeout=3s", "hub.coupling.resume-check-interval=1s"})
@ActiveProfiles("test")
class CouplingEndToEndTest {

    static final Duration WAIT = Duration.ofMinutes(4);

    @Autowired
    ImportProperties folders;
    @Autowired
    CouplingProperties coupling;
    @Autowired
    SetupService setup;
    @Autowired
    EventIntake intake;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @Test
    void couplesGeneratedExportsExactlyOnce() throws Exception {
        String u = "K" + (char) ('A' + new java.util.Random().nextInt(26)) + (char) ('A' + new java.util.Random().nextInt(26));
        CouplingTestData data = new CouplingTestData(u, 4242, 1);
        int customers = data.customerRows.size();
        assertThat(customers).isEqualTo(2070);

        // Day one: both exports are loaded, the customers' without automatic contacts (the file name says so, with
        // Contact Nos. set), as docs/linking.md says.
        MarketingSetup before = setup.current();
        assertThat(before.contactNos()).isNotBlank();
        long t0 = System.nanoTime();
        Path contactsReport = drop(folders.crmContacts(), "contacts-" + u + ".csv", data.contactsCsv());
        Path customersReport = drop(folders.erpCustomers(), "customers-" + u + ".no-auto-contacts.csv",
                data.customersCsv());
        await().atMost(WAIT).until(() -> Files.exists(contactsReport) && Files.exists(customersReport));
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(Files.readString(contactsReport)).contains("Result: imported");
        assertThat(Files.readString(customersReport)).contains("Result: imported");
        assertThat(count("select count(*) from contact_link")).isZero();
        for (var conflict : data.conflicts.entrySet()) {
            linkBeforehand(conflict.getValue(), conflict.getKey());
        }
        await().atMost(WAIT).until(() -> count("select count(*) from contact_link where status = 'active'")
                == data.conflicts.size());
        setup.replace(before);
        long commandsBefore = count("select count(*) from outbound_command");

        // The dry run: every category exactly, nothing changed.
        long t1 = System.nanoTime();
        Map<?, ?> dry = post("/api/couplings", Map.of("linkType", "customer", "dryRun", true, "createContacts", true));
        String id = (String) dry.get("couplingId");
        Map<?, ?> proposed = awaitState(id, "proposed");
        long dryMillis = (System.nanoTime() - t1) / 1_000_000;
        assertThat(proposed.get("categories")).isEqualTo(Map.of("proposed", data.proposedCount(), "ambiguous",
                data.ambiguous.size(), "unmatched", data.unmatched.size(), "conflict", data.conflicts.size()));
        assertThat(proposed.get("recordsTotal")).isEqualTo(customers);
        assertThat(proposed.get("actionsTotal")).isEqualTo(data.proposedCount() + data.unmatched.size());
        assertThat(count("select count(*) from contact_link")).isEqualTo(data.conflicts.size());
        assertThat(count("select count(*) from outbound_command")).isEqualTo(commandsBefore);

        Map<String, String[]> lines = reportLines(id);
        assertThat(lines).hasSize(customers);
        data.blocked.forEach((no, contact) -> assertThat(lines.get(no)).as(no).containsSubsequence("proposed", "vat",
                contact));
        for (var expected : data.expectedLinks.entrySet()) {
            String[] line = lines.get(expected.getKey());
            assertThat(line[2]).as(expected.getKey()).isEqualTo("proposed");
            assertThat(line[3]).as(expected.getKey()).isEqualTo(data.ruleOf.get(expected.getKey()));
            assertThat(line[4]).isEqualTo(expected.getValue());
        }
        data.ambiguous.forEach(no -> assertThat(lines.get(no)[2]).as(no).isEqualTo("ambiguous"));
        assertThat(data.ambiguous).allSatisfy(no -> assertThat(lines.get(no)[6]).isEqualTo("-"));
        data.unmatched.forEach(no -> assertThat(lines.get(no)[2]).as(no).isEqualTo("unmatched"));
        data.conflicts.forEach((no, contact) -> assertThat(lines.get(no)).as(no)
                .containsSubsequence("conflict", contact));
        // two contacts with the same name and post code are listed, sorted
        assertThat(lines.values()).anyMatch(l -> l[2].equals("ambiguous") && l[4].matches(u + "T\\d{6}, " + u
                + "T\\d{6}"));

        // Apply as reported.
        long t2 = System.nanoTime();
        post("/api/couplings/" + id + "/apply", null);
        Map<?, ?> done = awaitState(id, "done");
        long applyMillis = (System.nanoTime() - t2) / 1_000_000;
        assertThat(done.get("outcomes")).isEqualTo(Map.of("linked", data.expectedLinks.size(), "refused",
                data.blocked.size(), "contact-requested", data.unmatched.size()));
        // BC's check, in the link request path, with BC's message in the report
        Map<String, String[]> applied = reportLines(id);
        data.blocked.forEach((no, contact) -> assertThat(applied.get(no)[6]).isEqualTo("refused: You cannot use "
                + "contact " + contact + " because they are marked as blocked due to privacy."));
        assertThat(done.get("actionsDone")).isEqualTo(data.proposedCount() + data.unmatched.size());
        assertLinksAsExpected(data);
        assertCreatedOnce(data, commandsBefore);
        // every link went through the link request path: journalled with the run's message id, answered
        assertThat(count("select count(*) from journal where decision = 'link-created' and record_type = 'customer' "
                + "and causation_id like 'coupling:" + id + ":%'")).isEqualTo(data.expectedLinks.size());
        assertThat(count("select count(*) from outbound_command where type = 'request.completed' and causation_id "
                + "like 'coupling:" + id + ":%'")).isEqualTo(data.expectedLinks.size());
        assertThat(count("select count(*) from outbound_command where type = 'request.rejected' and causation_id "
                + "like 'coupling:" + id + ":%'")).isEqualTo(data.blocked.size());
        // master record: the customer's values overwrite the contact's once (names differ in every generated pair)
        assertThat(count("select count(*) from outbound_command where type = 'contact.update' and causation_id like "
                + "'coupling:" + id + ":%'")).isEqualTo(data.expectedLinks.size());
        String byVat = data.ruleOf.entrySet().stream().filter(e -> e.getValue().equals("vat")).findFirst()
                .orElseThrow().getKey();
        assertThat(jdbc.queryForObject("select payload from outbound_command where type = 'contact.update' and "
                + "causation_id = :cause", Map.of("cause", ProposalApplier.messageId(id, byVat)), String.class))
                .contains("\"contactNo\":\"" + data.expectedLinks.get(byVat) + "\"").contains(" GmbH\"");
        long commandsAfter = count("select count(*) from outbound_command");

        // The console's imports page lists the run with its progress.
        assertThat(http.getForObject("/console/imports", String.class)).contains("/console/couplings/rows");
        assertThat(http.getForObject("/console/couplings/rows", String.class)).contains("data-coupling=\"" + id + "\"")
                .contains(data.proposedCount() + data.unmatched.size() + " / "
                        + (data.proposedCount() + data.unmatched.size()));

        // Applying again is refused; the run stays as it is.
        ResponseEntity<Map> again = http.postForEntity("/api/couplings/" + id + "/apply", null, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // A hub killed after some proposals went through the intake but before they were marked done: another hub
        // (here: this one's resume check) takes the run over and applies them again; the intake recognises them.
        jdbc.update("update coupling_proposal set state = 'pending', outcome = null, outcome_detail = null "
                + "where coupling_id = :id and seq <= 200 and action <> 'none'", Map.of("id", id));
        jdbc.update("update coupling_run set state = 'applying', owner_id = 'killed-hub', finished_at = null, "
                + "heartbeat_at = :stale where coupling_id = :id", new MapSqlParameterSource("id", id)
                .addValue("stale", java.time.OffsetDateTime.now().minusMinutes(5)));
        Map<?, ?> resumed = awaitState(id, "done");
        assertThat(resumed.get("owner")).isNotEqualTo("killed-hub");
        assertThat(resumed.get("outcomes")).isEqualTo(done.get("outcomes"));
        assertThat(count("select count(*) from outbound_command")).isEqualTo(commandsAfter);
        assertLinksAsExpected(data);
        assertCreatedOnce(data, commandsBefore);

        // A second run over the same records finds everything linked: nothing is linked or created again (the
        // privacy-blocked proposals are refused again, answered once more, nothing else).
        Map<?, ?> second = awaitState((String) post("/api/couplings", Map.of("dryRun", false, "createContacts", true))
                .get("couplingId"), "done");
        int linkedOrRefused = customers - data.ambiguous.size() - data.blocked.size();
        assertThat(second.get("categories")).isEqualTo(Map.of("proposed", data.blocked.size(), "ambiguous",
                data.ambiguous.size(), "unmatched", 0, "conflict", linkedOrRefused));
        assertThat(second.get("outcomes")).isEqualTo(Map.of("refused", data.blocked.size()));
        assertThat(count("select count(*) from outbound_command where type <> 'request.rejected'"))
                .isEqualTo(commandsAfter - data.blocked.size());
        assertLinksAsExpected(data);
        assertCreatedOnce(data, commandsBefore);

        // The same dry run started by a file: the report lands beside it in done/.
        Path inbox = coupling.inbox();
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("customers-" + u + ".json"), "{\"linkType\": \"customer\"}");
        Path fileReport = inbox.resolve("done/customers-" + u + ".json.report.txt");
        await().atMost(WAIT).until(() -> Files.exists(fileReport));
        assertThat(Files.readString(fileReport)).contains("Totals: " + customers + " record(s): "
                + data.blocked.size() + " proposed, " + data.ambiguous.size() + " ambiguous, 0 unmatched, "
                + linkedOrRefused + " conflict").contains("by file customers-" + u + ".json");

        System.out.printf("coupling figures: %d customers, %d contacts: load (2 file imports) %d ms, dry run %d ms, "
                + "apply %d actions %d ms (%.0f actions/s)%n", customers, data.contactRows.size(), loadMillis,
                dryMillis, data.proposedCount() + data.unmatched.size(), applyMillis,
                (data.proposedCount() + data.unmatched.size()) * 1000.0 / applyMillis);
    }

    @Test
    void aFileWithWrongOptionsGoesToErrorWithTheReason() throws Exception {
        Path inbox = coupling.inbox();
        Files.createDirectories(inbox);
        String name = "bad-" + UUID.randomUUID() + ".json";
        Files.writeString(inbox.resolve(name), "{\"linkType\": \"supplier\", \"master\": \"erp\"}");
        Path report = inbox.resolve("error/" + name + ".report.txt");
        await().atMost(WAIT).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("linkType: 'supplier' is not one of customer, vendor, "
                + "bankAccount; master: 'erp' is not one of record, contact");
        assertThat(Files.exists(inbox.resolve("error/" + name))).isTrue();
    }

    @Test
    void badRequestsAreAnsweredWithTheProblem() {
        ResponseEntity<Map> bad = http.postForEntity("/api/couplings", Map.of("linkType", "supplier"), Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("linkType: 'supplier' is not one of customer, vendor, "
                + "bankAccount");
        assertThat(http.getForEntity("/api/couplings/nope", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertLinksAsExpected(CouplingTestData data) {
        Map<String, String> linked = new HashMap<>();
        jdbc.query("select record_no, contact_no, status from contact_link where link_type = 'customer'", rs -> {
            linked.put(rs.getString("record_no"), rs.getString("contact_no"));
        });
        data.expectedLinks.forEach((customer, contact) -> assertThat(linked.get(customer)).as(customer)
                .isEqualTo(contact));
        data.conflicts.forEach((customer, contact) -> assertThat(linked.get(customer)).isEqualTo(contact));
        assertThat(data.ambiguous).noneMatch(linked::containsKey);
        assertThat(data.blocked.keySet()).noneMatch(linked::containsKey);
        assertThat(data.unmatched).allMatch(linked::containsKey);
        assertThat(linked).hasSize(data.expectedLinks.size() + data.conflicts.size() + data.unmatched.size());
        assertThat(count("select count(*) from contact_link where status = 'pending'"))
                .isEqualTo(data.unmatched.size());
    }

    /** One contact.create per unmatched customer, each for a contact number of its own, and no other. */
    private void assertCreatedOnce(CouplingTestData data, long commandsBefore) {
        assertThat(count("select count(*) from outbound_command where type = 'contact.create'"))
                .isEqualTo(data.unmatched.size());
        assertThat(count("select count(distinct group_id) from outbound_command where type = 'contact.create'"))
                .isEqualTo(data.unmatched.size());
        assertThat(count("select count(*) from pending_creation")).isEqualTo(data.unmatched.size());
        assertThat(commandsBefore).isPositive();
    }

    private void linkBeforehand(String contactNo, String customerNo) {
        String body = "{\"messageId\":\"before-" + customerNo + "\",\"type\":\"link.requested\",\"occurredAt\":\""
                + java.time.Instant.now() + "\",\"source\":\"crm\",\"contactNo\":\"" + contactNo
                + "\",\"linkType\":\"customer\",\"recordNo\":\"" + customerNo + "\",\"master\":\"record\"}";
        intake.receive(body, Channel.CRM_EVENTS);
    }

    private Map<String, String[]> reportLines(String id) {
        String report = http.getForObject("/api/couplings/" + id + "/report", String.class);
        Map<String, String[]> lines = new HashMap<>();
        for (String line : report.split("\n")) {
            String[] parts = line.split(" \\| ", -1);
            if (parts.length == 7 && !parts[0].equals("record")) {
                lines.put(parts[0], parts);
            }
        }
        return lines;
    }

    private Map<?, ?> post(String path, Object body) {
        ResponseEntity<Map> response = http.postForEntity(path, body, Map.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody();
    }

    private Map<?, ?> awaitState(String id, String state) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> state.equals(
                http.getForObject("/api/couplings/" + id, Map.class).get("state")));
        return http.getForObject("/api/couplings/" + id, Map.class);
    }

    private long count(String sql) {
        return Optional.ofNullable(jdbc.queryForObject(sql, Map.of(), Long.class)).orElse(0L);
    }

    private static Path drop(Path folder, String name, String content) throws Exception {
        Files.createDirectories(folder);
        Path tmp = folder.resolve(name + ".part");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(name));
        return folder.resolve("done/" + name + ".report.txt");
    }


}
