package com.contactsynchub.crash;

import static com.contactsynchub.crash.CrashPointHooks.marker;
import static com.contactsynchub.crash.CrashPointHooks.reachedLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.jms.Message;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.support.BrokerClient;
import com.contactsynchub.support.ChildHub;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each crash point of docs/exactly-once.md ("Crash points and their tests"), proven on a real process: the hub runs
 * in a child JVM ({@link CrashPointHub}) whose hook ({@link CrashPointHooks}) stops a thread exactly at the point and
 * prints {@code CRASH-POINT <point> REACHED}; the test checks from outside that the database and the broker are in
 * the state the point names, kills the child with SIGKILL, restarts it without the hook on the same data folder
 * and ports, waits until it has settled and counts what reached the command queue.
 *
 * <p>E3 needs no check before the kill but speed: the child is killed by the thread reading its output the moment
 * the line appears, because the question is whether the database commit made just before is on disk.
 *
 * <p>The event is always an unlinked customer.created from the finance system: the hub answers it with exactly one
 * contact.create on crm.commands whose causationId is the event's messageId. Without the demo profile nothing in
 * the hub consumes crm.commands, so every command sent stays there for the test to count.
 */
class CrashPointsIT {

    private static final Path WORK = Path.of("target", "crash-points");
    private static final Duration REACH = Duration.ofSeconds(90);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIGKILL_EXIT = 128 + 9;

    private static final String ERP_EVENTS = "erp.events";
    private static final String CRM_COMMANDS = "crm.commands";
    private static final String ERP_COMMANDS = "erp.commands";
    private static final String DEAD_LETTER = "hub.dead-letter";
    private static final String INVALID = "hub.invalid";
    private static final String UNSENT = "hub_commands_unsent";
    private static final String DUPLICATES = "hub_messages_duplicate_total";
    private static final String FELL_BACK = "commands in one transaction failed";

    private ChildHub hub;
    private BrokerClient broker;

    /** A passed test's data folder goes (about 25 MB each); a failed one's stays beside its logs for diagnosis. */
    @RegisterExtension
    final TestWatcher keepDataOfFailures = new TestWatcher() {
        @Override
        public void testSuccessful(ExtensionContext context) {
            if (hub != null) {
                hub.deleteData();
            }
        }
    };

    @AfterEach
    void stopTheChild() {
        if (broker != null) {
            broker.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    /** E1: the event's database transaction has done all its work and not committed. */
    @Test
    void e1_killedBeforeTheEventsDatabaseCommit() throws Exception {
        Event event = event("E1");
        startWithHook("E1");
        send(event);

        String reached = hub.awaitLine(l -> l.startsWith(reachedLine("E1")), REACH);
        assertThat(reached).contains("databaseTransaction=true", "phase=beforeCommit");
        // Nothing committed: the event is not recorded, no command waits in the outbox, none is on the broker;
        // the event is delivered to the hub and not acknowledged.
        assertThat(received(event)).isZero();
        assertThat(hub.metric(UNSENT)).isZero();
        assertThat(broker.messageCount(CRM_COMMANDS)).isZero();
        assertThat(broker.messageCount(ERP_EVENTS)).isEqualTo(1);

        killAndRestart();

        awaitSettled(event);
        assertThat(hub.metric(DUPLICATES)).as("the redelivered event is new to the rolled-back database").isZero();
        assertAppliedOnceAndCommandSentOnce(event);
    }

    /**
     * E2, the relay had not sent the command yet: the database committed (event recorded, command in the outbox),
     * the event is not acknowledged. The relay polls only once an hour in this run, and the hook blocks before the
     * outbox's after-commit wake-up, so the command is certainly still unsent when the process dies.
     */
    @Test
    void e2_killedAfterTheDatabaseCommitBeforeTheJmsCommit_commandStillUnsent() throws Exception {
        Event event = event("E2");
        startWithHook("E2", "--hub.relay.poll-interval=3600000");
        send(event);

        assertThat(hub.awaitLine(l -> l.startsWith(reachedLine("E2")), REACH)).contains("phase=afterCommit");
        assertThat(received(event)).as("committed").isEqualTo(1);
        assertThat(hub.metric(UNSENT)).as("the command waits in the outbox").isEqualTo(1);
        assertThat(broker.messageCount(CRM_COMMANDS)).isZero();
        assertThat(broker.messageCount(ERP_EVENTS)).as("the event is not acknowledged").isEqualTo(1);

        killAndRestart();

        awaitSettled(event);
        await().atMost(SETTLE).until(() -> hub.metric(DUPLICATES) >= 1);
        assertThat(hub.metric(DUPLICATES)).as("the redelivery was recognised as a duplicate").isEqualTo(1);
        assertAppliedOnceAndCommandSentOnce(event);
    }

    /**
     * E2, the relay had sent the command already: same point, but the test waits (before the kill) until the relay's
     * poll has sent the command and marked it sent. The redelivered event must not produce it a second time.
     */
    @Test
    void e2_killedAfterTheDatabaseCommitBeforeTheJmsCommit_commandSentAlready() throws Exception {
        Event event = event("E2");
        startWithHook("E2");
        send(event);

        assertThat(hub.awaitLine(l -> l.startsWith(reachedLine("E2")), REACH)).contains("phase=afterCommit");
        assertThat(received(event)).as("committed").isEqualTo(1);
        await().atMost(SETTLE).until(() -> hub.metric(UNSENT) == 0 && broker.messageCount(CRM_COMMANDS) == 1);
        assertThat(broker.messageCount(ERP_EVENTS)).as("the event is not acknowledged").isEqualTo(1);

        killAndRestart();

        awaitSettled(event);
        await().atMost(SETTLE).until(() -> hub.metric(DUPLICATES) >= 1);
        assertThat(hub.metric(DUPLICATES)).as("the redelivery was recognised as a duplicate").isEqualTo(1);
        assertAppliedOnceAndCommandSentOnce(event);
    }

    /**
     * E3, the hub as configured (H2 with its default write delay): the database committed, the broker committed the
     * event's acknowledgement (journal), and the process dies at once. Nothing redelivers the event, so the
     * database's commit must have reached the disk.
     */
    @Test
    void e3_killedRightAfterTheEventIsAcknowledged() throws Exception {
        killedRightAfterTheAcknowledgement();
    }

    private void killedRightAfterTheAcknowledgement(String... args) throws Exception {
        Event event = event("E3");
        hub = new ChildHub("E3-" + UUID.randomUUID().toString().substring(0, 8), CrashPointHub.class.getName(), WORK);
        String[] resolved = java.util.Arrays.stream(args).map(a -> a.formatted(hub.dataDir())).toArray(String[]::new);
        hub.start(List.of(CrashPointHooks.PROPERTY + "=E3"), resolved);
        broker = new BrokerClient(hub.brokerUrl());
        hub.killOnLine(l -> l.startsWith(reachedLine("E3")));
        send(event);

        assertThat(hub.awaitLine(l -> l.startsWith(reachedLine("E3")), REACH)).contains("phase=broker-afterCommit");
        assertThat(hub.kill()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
        System.out.println("E3 " + hub.lines(l -> l.startsWith("CRASH-POINT E3")) + " exited at=" + hub.exitedAt());
        hub.start(List.of(), resolved);

        // The acknowledgement survived (the broker's journal is synced): nothing is redelivered.
        await().atMost(SETTLE).until(() -> broker.messageCount(ERP_EVENTS) == 0 && hub.metric(UNSENT) == 0);
        assertThat(received(event)).as("the event's database commit survived the kill").isEqualTo(1);
        assertAppliedOnceAndCommandSentOnce(event);
    }

    /** R1: the relay has sent the batch in its JMS transaction, which has not committed. */
    @Test
    void r1_killedWithTheBatchSentAndItsJmsTransactionOpen() throws Exception {
        Event event = event("R1");
        startWithHook("R1");
        send(event);

        String reached = hub.awaitLine(l -> l.startsWith(reachedLine("R1")), REACH);
        assertThat(reached).contains("endpoint=jms://queue:crm.commands", "jmsTransaction=true",
                "databaseTransaction=true");
        assertThat(received(event)).isEqualTo(1);
        assertThat(hub.metric(UNSENT)).isEqualTo(1);
        assertThat(broker.messageCount(CRM_COMMANDS)).as("sent in a transaction not committed: not routed").isZero();

        killAndRestart();

        awaitSettled(event);
        assertAppliedOnceAndCommandSentOnce(event);
    }

    /**
     * R2: the relay's JMS transaction committed (the command is on crm.commands), its database transaction did not
     * (the command is still unsent). After the restart the relay sends it again with the same duplicate id; the
     * broker refuses that batch's commit, the relay sends one by one and the broker drops the copy.
     */
    @Test
    void r2_killedAfterTheJmsCommitBeforeTheRelaysDatabaseCommit() throws Exception {
        Event event = event("R2");
        startWithHook("R2");
        send(event);

        String reached = hub.awaitLine(l -> l.startsWith(reachedLine("R2")), REACH);
        assertThat(reached).contains("endpoint=direct://send-commands-transacted", "jmsTransaction=false",
                "databaseTransaction=true");
        assertThat(received(event)).isEqualTo(1);
        assertThat(broker.messageCount(CRM_COMMANDS)).as("the JMS commit happened").isEqualTo(1);
        assertThat(hub.metric(UNSENT)).as("the relay's database commit did not").isEqualTo(1);

        killAndRestart();

        awaitSettled(event);
        assertThat(hub.lines(l -> l.contains(FELL_BACK))).as("the restarted relay's resend").singleElement()
                .satisfies(l -> assertThat(l).contains("Sending 1 commands in one transaction failed"));
        assertAppliedOnceAndCommandSentOnce(event);
    }

    /**
     * R3 (no crash): the broker refuses the relay's commit for real. The broker already knows the duplicate id of one
     * command of a two-command batch (sent there first by this test, as a crash at R2 would have left it); the
     * batch's JMS commit fails, the relay sends the two one by one, the broker drops the known one and takes the
     * other. Nothing is lost, nothing doubled, and the relay goes on with the next event.
     */
    @Test
    void r3_theBrokerRefusesTheBatchCommit() throws Exception {
        Event event = event("R3");
        startWithHook("R3");
        String knownId = CommandFactory.commandId(event.messageId, MessageType.CONTACT_UPDATE,
                CrashPointHooks.R3_EXTRA_TARGET);
        broker.send(CRM_COMMANDS, "{\"sentBefore\":true}", Map.of(HubHeaders.DUPLICATE_ID, knownId,
                HubHeaders.GROUP_ID, CrashPointHooks.R3_EXTRA_TARGET));
        send(event);

        String fellBack = hub.awaitLine(l -> l.contains(FELL_BACK), REACH);
        assertThat(fellBack).contains("Sending 2 commands in one transaction failed");
        awaitSettled(event);

        // The relay is not stuck: the next event's command leaves as usual.
        Event next = new Event("after-R3-" + UUID.randomUUID(), customerNo());
        send(next);
        awaitSettled(next);

        List<Message> commands = broker.drain(CRM_COMMANDS, 1_000);
        assertThat(contactCreates(commands, event)).as("the other command of the refused batch").hasSize(1);
        assertThat(contactCreates(commands, next)).as("the next event's command").hasSize(1);
        assertThat(commands).filteredOn(m -> knownId.equals(BrokerClient.property(m, HubHeaders.DUPLICATE_ID)))
                .as("the command whose id the broker knew: only the copy sent before").singleElement()
                .satisfies(m -> assertThat(BrokerClient.text(m)).isEqualTo("{\"sentBefore\":true}"));
        assertThat(commands).hasSize(3);
        assertThat(hub.lines(l -> l.contains(FELL_BACK))).hasSize(1);
        assertNothingElseAnywhere();
    }

    /**
     * I1: an import applies its rows in batches, a database transaction each; the hub is killed in the middle of
     * the file (inside a batch or between two). After the restart the claim is taken over and the file read again
     * from the first row: rows of committed batches are recognised by their message ids ("applied before"), the
     * killed batch's rows are applied now. Every row's contact.create reaches crm.commands exactly once.
     */
    @Test
    void i1_killedInTheMiddleOfAnImport_everyRowAppliedOnceAndItsCommandSentOnce() throws Exception {
        int rows = 3000;
        String[] args = {"--hub.import.batch-size=50", "--hub.import.claim-timeout=4s",
                "--hub.import.heartbeat-interval=1s", "--hub.import.poll-delay=200",
                "--hub.import.read-lock-min-age=300"};
        hub = new ChildHub("I1-" + UUID.randomUUID().toString().substring(0, 8), CrashPointHub.class.getName(), WORK)
                .start(List.of(), args);
        broker = new BrokerClient(hub.brokerUrl());
        Path folder = hub.dataDir().resolve("inbox/erp/customers");
        Path staging = hub.dataDir().resolve("customers.csv");
        StringBuilder csv = new StringBuilder("No.;Name;City\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("I1%06d;Customer %d;Linz%n", i, i));
        }
        java.nio.file.Files.writeString(staging, csv);
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.move(staging, folder.resolve("customers.csv"),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        // killed once a few batches committed, well before the end
        long doneAtKill = await().atMost(REACH).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode imports = JSON.readTree(hub.get("/api/imports?limit=1"));
            return imports.isEmpty() ? 0L : imports.get(0).path("rowsDone").asLong();
        }, done -> done >= 200);
        hub.kill();
        assertThat(doneAtKill).as("rows done when killed").isLessThan(rows);
        hub.start(List.of(), args);

        JsonNode finished = await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode imports = JSON.readTree(hub.get("/api/imports?limit=1"));
            return imports.isEmpty() ? null : imports.get(0);
        }, i -> i != null && "done".equals(i.path("state").asText()) && hub.metric(UNSENT) == 0);
        assertThat(finished.path("attempts").asInt()).as("taken over after the kill").isEqualTo(2);
        assertThat(finished.path("rowsDone").asLong()).isEqualTo(rows);
        assertThat(finished.path("summary").asText()).startsWith(rows + " row(s): ").endsWith(" 0 error");
        List<String> report = java.nio.file.Files.readAllLines(Path.of(finished.path("reportFile").asText()));
        long appliedBefore = report.stream().filter(l -> l.startsWith("row ") && l.contains("applied before"))
                .count();
        assertThat(appliedBefore).as("rows of batches committed before the kill").isGreaterThanOrEqualTo(doneAtKill)
                .isLessThan(rows);
        assertThat(hub.metric(DUPLICATES)).isEqualTo(appliedBefore);

        List<Message> commands = broker.drain(CRM_COMMANDS, 2_000);
        List<String> causes = commands.stream().map(m -> {
            try {
                JsonNode body = JSON.readTree(BrokerClient.text(m));
                assertThat(body.path("type").asText()).isEqualTo("contact.create");
                return body.path("causationId").asText();
            } catch (java.io.IOException notJson) {
                throw new AssertionError(notJson);
            }
        }).toList();
        assertThat(causes).as("one contact.create per row, none twice").hasSize(rows).doesNotHaveDuplicates();
        assertNothingElseAnywhere();
    }

    private void startWithHook(String point, String... args) {
        hub = new ChildHub(point + "-" + UUID.randomUUID().toString().substring(0, 8), CrashPointHub.class.getName(),
                WORK).start(List.of(CrashPointHooks.PROPERTY + "=" + point), args);
        broker = new BrokerClient(hub.brokerUrl());
    }

    /** SIGKILL at the point, then the same hub again (same data folder and ports), without any hook. */
    private void killAndRestart() {
        int exit = hub.kill();
        assertThat(hub.isAlive()).isFalse();
        assertThat(exit).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
        hub.start(List.of());
    }

    /** Settled: the event is recorded and acknowledged and no command waits in the outbox. */
    private void awaitSettled(Event event) {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> received(event) == 1
                && hub.metric(UNSENT) == 0 && broker.messageCount(ERP_EVENTS) == 0);
    }

    private void assertAppliedOnceAndCommandSentOnce(Event event) throws Exception {
        assertThat(received(event)).as("recorded once").isEqualTo(1);
        assertThat(journalDecisions(event)).as("decided once").containsOnlyOnce("auto-contact-requested");
        List<Message> commands = broker.drain(CRM_COMMANDS, 1_000);
        List<Message> ours = contactCreates(commands, event);
        assertThat(ours).as("contact.create for %s on crm.commands", event.messageId).hasSize(1);
        JsonNode command = JSON.readTree(BrokerClient.text(ours.get(0)));
        assertThat(BrokerClient.property(ours.get(0), HubHeaders.DUPLICATE_ID))
                .isEqualTo(command.path("commandId").asText());
        assertThat(commands).as("nothing else on crm.commands").hasSize(1);
        assertNothingElseAnywhere();
    }

    private void assertNothingElseAnywhere() throws Exception {
        assertThat(broker.messageCount(ERP_COMMANDS)).isZero();
        assertThat(broker.messageCount(DEAD_LETTER)).as("dead-lettered").isZero();
        assertThat(broker.messageCount(INVALID)).as("refused as invalid").isZero();
        assertThat(hub.metric(UNSENT)).isZero();
    }

    private static List<Message> contactCreates(List<Message> commands, Event event) {
        return commands.stream().filter(m -> {
            try {
                JsonNode body = JSON.readTree(BrokerClient.text(m));
                return event.messageId.equals(body.path("causationId").asText())
                        && "contact.create".equals(body.path("type").asText());
            } catch (Exception notJson) {
                return false;
            }
        }).toList();
    }

    private void send(Event event) throws Exception {
        broker.send(ERP_EVENTS, event.body(), Map.of(HubHeaders.GROUP_ID, "customer:" + event.customerNo));
    }

    /** How often the hub recorded the event (GET /api/events of its customer). */
    private long received(Event event) throws Exception {
        JsonNode events = JSON.readTree(hub.get("/api/events?recordType=customer&recordNo=" + event.customerNo));
        long count = 0;
        for (JsonNode e : events) {
            if (event.messageId.equals(e.path("messageId").asText())) {
                count++;
            }
        }
        return count;
    }

    private List<String> journalDecisions(Event event) throws Exception {
        JsonNode entries = JSON.readTree(hub.get("/api/journal/customer/" + event.customerNo));
        return java.util.stream.StreamSupport.stream(entries.spliterator(), false)
                .map(e -> e.path("decision").asText()).toList();
    }

    private static Event event(String point) {
        return new Event(marker(point) + UUID.randomUUID(), customerNo());
    }

    private static String customerNo() {
        return "CX" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
    }

    private record Event(String messageId, String customerNo) {
        String body() {
            return """
                    {"messageId":"%s","type":"customer.created","occurredAt":"2026-11-25T09:55:00Z","source":"erp",\
                    "version":1,"customerNo":"%s","contactType":"company",\
                    "fields":{"name":"Crash Point Ltd","city":"Atlanta","email":"info@crash.example"}}\
                    """.formatted(messageId, customerNo);
        }
    }
}
