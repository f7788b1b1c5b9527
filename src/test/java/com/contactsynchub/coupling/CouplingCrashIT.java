package com.contactsynchub.coupling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.support.BrokerClient;
import com.contactsynchub.support.ChildHub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A coupling run killed with SIGKILL in the middle of its apply, on a real hub process (embedded broker and H2 in a
 * child JVM, {@link CouplingCrashHub}), at the narrowest point: a batch of proposals committed by the intake, not yet
 * marked done. After the restart the run is taken over and finished; the intake recognises the batch's messages as
 * duplicates, and every link answer and every contact.create reaches crm.commands exactly once. Without the demo
 * profile nothing consumes crm.commands, so the test counts everything the hub ever sent there.
 */
class CouplingCrashIT {

    private static final Path WORK = Path.of("target", "coupling-crash");
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIGKILL_EXIT = 128 + 9;

    private ChildHub hub;
    private BrokerClient broker;

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void killedInTheMiddleOfApplyingEveryLinkAndContactIsMadeOnce() throws Exception {
        CouplingTestData data = new CouplingTestData("KX", 7, 1);
        String[] importArgs = {"--hub.import.poll-delay=200", "--hub.import.read-lock-min-age=300",
                "--hub.coupling.batch-size=50", "--hub.coupling.claim-timeout=4s",
                "--hub.coupling.resume-check-interval=1s"};
        // Day one: both exports loaded with Contact Nos. blank, so the customers get no contact automatically.
        hub = new ChildHub("coupling-" + UUID.randomUUID().toString().substring(0, 8),
                CouplingCrashHub.class.getName(), WORK).start(List.of(), with(importArgs,
                        "--hub.setup.contact-nos="));
        broker = new BrokerClient(hub.brokerUrl());
        drop(hub.dataDir().resolve("inbox/crm/contacts"), "contacts.csv", data.contactsCsv());
        drop(hub.dataDir().resolve("inbox/erp/customers"), "customers.csv", data.customersCsv());
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() ->
                Files.exists(hub.dataDir().resolve("inbox/crm/contacts/done/contacts.csv.report.txt"))
                && Files.exists(hub.dataDir().resolve("inbox/erp/customers/done/customers.csv.report.txt")));
        for (var conflict : data.conflicts.entrySet()) {
            broker.send("crm.events", linkRequest(conflict.getValue(), conflict.getKey()),
                    Map.of(HubHeaders.GROUP_ID, "contact:" + conflict.getValue()));
        }
        await().atMost(PATIENCE).until(() -> JSON.readTree(hub.get("/api/links?linkType=customer&size=1"))
                .path("total").asLong() == data.conflicts.size());
        List<Message> beforeRun = broker.drain("crm.commands", 1_000);
        assertThat(beforeRun).as("only the 50 answers of the links made beforehand and their updates").isNotEmpty();
        assertThat(types(beforeRun)).doesNotContain("contact.create");
        assertThat(hub.kill()).isEqualTo(SIGKILL_EXIT);

        // Contact Nos. set again (the configuration wins at this start); the run is started by a file and the hub is
        // killed right after the intake committed the batch holding the run's 420th message.
        String[] runArgs = with(importArgs, "--hub.setup.load=always");
        hub.start(List.of(CouplingCrashHub.PROPERTY + "=420"), runArgs);
        hub.killOnLine(l -> l.startsWith(CouplingCrashHub.REACHED));
        drop(hub.dataDir().resolve("inbox/coupling"), "couple.json",
                "{\"linkType\": \"customer\", \"dryRun\": false, \"createContacts\": true}");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> !hub.isAlive());
        assertThat(hub.kill()).isEqualTo(SIGKILL_EXIT);
        int actions = data.proposedCount() + data.unmatched.size();

        hub.start(List.of(), runArgs);
        Path report = hub.dataDir().resolve("inbox/coupling/done/couple.json.report.txt");
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> Files.exists(report)
                && hub.metric("hub_commands_unsent") == 0);
        JsonNode run = JSON.readTree(hub.get("/api/couplings?limit=1")).get(0);
        assertThat(run.path("state").asText()).isEqualTo("done");
        assertThat(run.path("actionsDone").asInt()).isEqualTo(actions);
        assertThat(JSON.convertValue(run.path("outcomes"), Map.class)).isEqualTo(Map.of("linked",
                data.expectedLinks.size(), "refused", data.blocked.size(), "contact-requested",
                data.unmatched.size()));
        assertThat(hub.lines(l -> l.contains("Resuming coupling"))).as("taken over after the kill").isNotEmpty();
        String runId = run.path("couplingId").asText();

        List<Message> commands = broker.drain("crm.commands", 2_000);
        Map<String, Integer> completed = new HashMap<>();
        Map<String, Integer> rejected = new HashMap<>();
        Map<String, Integer> created = new HashMap<>();
        for (Message m : commands) {
            JsonNode body = JSON.readTree(BrokerClient.text(m));
            String cause = body.path("causationId").asText();
            if (!cause.startsWith("coupling:" + runId + ":")) {
                continue;
            }
            switch (body.path("type").asText()) {
                case "request.completed" -> completed.merge(cause, 1, Integer::sum);
                case "request.rejected" -> rejected.merge(cause, 1, Integer::sum);
                case "contact.create" -> created.merge(body.path("contactNo").asText(), 1, Integer::sum);
                default -> { }
            }
        }
        assertThat(completed).as("one answer per link").hasSize(data.expectedLinks.size()).allSatisfy((k, v) ->
                assertThat(v).as(k).isEqualTo(1));
        assertThat(rejected).hasSize(data.blocked.size()).allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
        assertThat(created).as("one contact.create per unmatched customer, each contact once")
                .hasSize(data.unmatched.size()).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1));
        assertThat(broker.messageCount("hub.dead-letter")).isZero();
        assertThat(broker.messageCount("hub.invalid")).isZero();
        double duplicates = hub.metric("hub_messages_duplicate_total");
        assertThat(duplicates).as("the committed batch, applied again after the restart, recognised by the intake")
                .isPositive();
        System.out.printf("coupling crash: killed after the batch holding message 420 of %d committed; messages "
                + "recognised as duplicates after the restart: %.0f%n", actions, duplicates);
    }

    private static String[] with(String[] args, String more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(more);
        return all.toArray(String[]::new);
    }

    private static List<String> types(List<Message> messages) throws Exception {
        List<String> types = new ArrayList<>();
        for (Message m : messages) {
            types.add(JSON.readTree(BrokerClient.text(m)).path("type").asText());
        }
        return types;
    }

    private static String linkRequest(String contactNo, String customerNo) {
        return "{\"messageId\":\"before-" + customerNo + "\",\"type\":\"link.requested\",\"occurredAt\":\""
                + java.time.Instant.now() + "\",\"source\":\"crm\",\"contactNo\":\"" + contactNo
                + "\",\"linkType\":\"customer\",\"recordNo\":\"" + customerNo + "\",\"master\":\"record\"}";
    }

    private static void drop(Path folder, String name, String content) throws Exception {
        Files.createDirectories(folder);
        Path staging = folder.getParent().resolve("." + name + ".staging");
        Files.writeString(staging, content, StandardCharsets.UTF_8);
        Files.move(staging, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
