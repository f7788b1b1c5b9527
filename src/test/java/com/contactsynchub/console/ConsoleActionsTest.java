package com.contactsynchub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.support.ContactCreatedMessages;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.importing.ImportProperties;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.sync.FailOnceHandler;
import com.contactsynchub.sync.RecordRef;
import com.contactsynchub.sync.SyncTestConfiguration;
import com.contactsynchub.sync.SyncTestSupport;

/**
 * The console's actions and rules over HTTP, against the same whole hub as {@link ConsoleBrowserTest} (same
 * configuration, so one Spring context): replay from the dead-letter queue, discard kept with its reason, hostile
 * text escaped, cross-site form posts refused, HTML pages beside the API's problems, the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.import.poll-delay=200", "hub.import.read-lock-min-age=1000", "hub.import.read-lock-check-interval=200",
        "hub.import.read-lock-timeout=3000"})
@ActiveProfiles({"test", "demo"})
@Import(SyncTestConfiguration.class)
@AutoConfigureObservability
class ConsoleActionsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JmsTemplate jms;
    @Autowired
    QueueNames queues;
    @Autowired
    ParkedMessages parked;
    @Autowired
    KnownRecords known;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    FailOnceHandler failOnce;
    @Autowired
    QueueDepths depths;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    SyncTestSupport support;
    @Autowired
    ContactSystem crm;
    @Autowired
    ImportProperties folders;

    @Test
    void aDeadLetteredEventIsReplayedToItsQueueAndApplied() {
        String contactNo = SyncTestSupport.unique("CD");
        String text = ContactCreatedMessages.valid(UUID.randomUUID().toString(), contactNo);
        // As the hub dead-letters an event (camel/DeadLetters): the original queue and the reason as properties.
        jms.send(queues.deadLetter(), session -> {
            TextMessage message = session.createTextMessage(text);
            message.setStringProperty(HubHeaders.FAILURE_CLASS, "org.example.Broken");
            message.setStringProperty(HubHeaders.FAILURE_MESSAGE, "the table was locked");
            message.setStringProperty(HubHeaders.ARTEMIS_ORIGINAL_QUEUE, queues.crmEvents());
            message.setStringProperty(HubHeaders.ORIGINAL_QUEUE, queues.crmEvents());
            message.setStringProperty(HubHeaders.GROUP_ID, "contact:" + contactNo);
            return message;
        });
        ParkedMessages.ParkedMessage dead = await().atMost(WAIT).until(() -> parked.list(queues.deadLetter())
                .stream().filter(m -> m.body().contains(contactNo)).findFirst().orElse(null), m -> m != null);
        assertThat(dead.reason()).isEqualTo("the table was locked");
        assertThat(dead.originalQueue()).isEqualTo(queues.crmEvents());
        String page = http.getForObject("/console/messages?queue=" + queues.deadLetter(), String.class);
        assertThat(page).contains("the table was locked").contains(dead.jmsId());

        ResponseEntity<String> replayed = post("/console/message/replay",
                Map.of("queue", queues.deadLetter(), "id", dead.jmsId()), null);
        assertThat(replayed.getStatusCode().is3xxRedirection() || replayed.getStatusCode().is2xxSuccessful()).isTrue();

        await().atMost(WAIT).until(() -> known.find(RecordType.CONTACT, contactNo).isPresent());
        assertThat(parked.find(queues.deadLetter(), dead.jmsId())).isEmpty();
        // Again: it is gone, and the page says so instead of failing.
        ResponseEntity<String> again = post("/console/message/replay",
                Map.of("queue", queues.deadLetter(), "id", dead.jmsId()), null);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(again.getBody()).contains("is no longer on " + queues.deadLetter());
    }

    @Test
    void aDiscardedMessageIsKeptWithItsReasonAndHostileTextIsShownEscaped() {
        String contactNo = SyncTestSupport.unique("CX");
        String hostile = ContactCreatedMessages.nameTooLong(UUID.randomUUID().toString(), contactNo)
                .replace("Bruxelles", "<script>alert('x')</script>");
        jms.convertAndSend(queues.crmEvents(), hostile);
        ParkedMessages.ParkedMessage refused = await().atMost(WAIT).until(() -> parked.list(queues.invalid())
                .stream().filter(m -> m.body().contains(contactNo)).findFirst().orElse(null), m -> m != null);

        String list = http.getForObject("/console/messages?queue=" + queues.invalid(), String.class);
        String one = http.getForObject("/console/message?queue=" + queues.invalid() + "&id=" + refused.jmsId(),
                String.class);
        assertThat(one).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(list).contains(refused.jmsId()).doesNotContain("<script>alert");

        ResponseEntity<String> noReason = post("/console/message/discard",
                Map.of("queue", queues.invalid(), "id", refused.jmsId(), "reason", " "), null);
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(parked.find(queues.invalid(), refused.jmsId())).isPresent();

        post("/console/message/discard", Map.of("queue", queues.invalid(), "id", refused.jmsId(),
                "reason", "test data sent by mistake"), null);
        assertThat(parked.find(queues.invalid(), refused.jmsId())).isEmpty();
        Map<String, Object> kept = jdbc.queryForMap("""
                select action, reason, body, original_queue, operator from console_message_action
                where jms_message_id = :id
                """, new MapSqlParameterSource("id", refused.jmsId()));
        assertThat(kept).containsEntry("ACTION", "discarded").containsEntry("REASON", "test data sent by mistake")
                .containsEntry("BODY", hostile).containsEntry("ORIGINAL_QUEUE", queues.crmEvents())
                .containsEntry("OPERATOR", "anonymous");
        assertThat(known.find(RecordType.CONTACT, contactNo)).isEmpty();
        // The record's history says what the operator did, and why.
        assertThat(support.journal(new RecordRef(RecordType.CONTACT, contactNo))).singleElement().satisfies(e -> {
            assertThat(e.decision()).isEqualTo("message-discarded");
            assertThat(e.origin()).isEqualTo("admin");
            assertThat(e.detail()).contains("test data sent by mistake").contains("discarded from " + queues.invalid());
        });
    }

    @Test
    void theOverviewShowsTheLastRouteError() {
        String messageId = UUID.randomUUID().toString();
        String contactNo = SyncTestSupport.unique("CE");
        failOnce.failOnce(messageId);
        jms.convertAndSend(queues.crmEvents(), ContactCreatedMessages.valid(messageId, contactNo));
        // Failed once, redelivered and applied.
        await().atMost(WAIT).until(() -> known.find(RecordType.CONTACT, contactNo).isPresent());
        String overview = http.getForObject("/", String.class);
        assertThat(overview).contains("test: the hub fails once while handling " + messageId)
                .contains("java.lang.IllegalStateException");
    }

    @Test
    void aContactsPageShowsItsCompanyPersonsAndLinks() {
        SyncTestSupport.Group group = support.linkedGroup(true, false, false);
        String personNo = SyncTestSupport.unique("CP");
        crm.create(personNo, "person", group.contactNo(), false, Map.of(CommonField.NAME, "Ann Person"));
        support.awaitKnown(new RecordRef(RecordType.CONTACT, personNo));

        String company = http.getForObject("/console/records/contact/" + group.contactNo(), String.class);
        assertThat(company).contains("/console/records/contact/" + personNo)
                .contains("/console/records/customer/" + group.customerNo()).contains(">active<");
        String person = http.getForObject("/console/records/contact/" + personNo, String.class);
        assertThat(person).contains("a person's links are its company's")
                .contains("/console/records/contact/" + group.contactNo())
                .contains("/console/records/customer/" + group.customerNo());
        String search = http.getForObject("/console/links?linkType=customer&recordNo=" + group.customerNo(),
                String.class);
        assertThat(search).contains(">1</span> link(s)").contains(group.contactNo());
    }

    @Test
    void aDryRunImportIsMarkedAndItsReportDownloaded() throws Exception {
        String u = SyncTestSupport.unique("");
        String name = "vendors-" + u + ".dryrun.csv";
        java.nio.file.Files.createDirectories(folders.erpVendors());
        java.nio.file.Path hidden = folders.erpVendors().resolve("." + name);
        java.nio.file.Files.writeString(hidden, "No.,Name\nVD" + u + ",Northwind\n");
        java.nio.file.Files.move(hidden, folders.erpVendors().resolve(name));
        String importId = await().atMost(WAIT).until(() -> jdbc.queryForList(
                "select import_id from file_import where file_name = :name and state = 'done'",
                new MapSqlParameterSource("name", name), String.class), ids -> ids.size() == 1).get(0);

        String page = http.getForObject("/console/imports", String.class);
        assertThat(page).contains(name).contains("dry-run");
        ResponseEntity<String> download = http.getForEntity("/console/imports/" + importId + "/report?download=true",
                String.class);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(name + ".report.txt");
        assertThat(download.getBody()).contains("DRY RUN").contains("row 2 | VD" + u);
        assertThat(http.getForObject("/console/imports/" + importId + "/report", String.class))
                .contains("DRY RUN").contains("dry run");
    }

    @Test
    void withoutAnEmbeddedServerTheDepthsComeFromTheBrokersManagementOrTheOverviewSaysWhyNot() throws Exception {
        ObjectProvider<EmbeddedActiveMQ> none = new StaticListableBeanFactory().getBeanProvider(EmbeddedActiveMQ.class);
        // As with a standalone broker: only a JMS connection to it.
        QueueDepths remote = new QueueDepths(none, connectionFactory, queues, Clock.systemUTC());
        jms.convertAndSend(queues.deadLetter(), "{\"left\": \"for the depth\"}");
        Map<String, QueueDepths.QueueDepth> local = byQueue(depths.all());
        Map<String, QueueDepths.QueueDepth> asked = byQueue(remote.all());
        assertThat(remote.problem()).isNull();
        assertThat(remote.source()).contains("management");
        assertThat(asked.keySet()).containsExactlyElementsOf(local.keySet());
        assertThat(asked.get(queues.deadLetter()).depth()).isEqualTo(local.get(queues.deadLetter()).depth())
                .isPositive();
        assertThat(asked.get(queues.crmEvents()).consumers()).isEqualTo(local.get(queues.crmEvents()).consumers())
                .isPositive();
        assertThat(remote.depth(queues.deadLetter())).contains(local.get(queues.deadLetter()).depth());

        org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory nowhere =
                new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("tcp://127.0.0.1:1");
        nowhere.setReconnectAttempts(0);
        QueueDepths unreachable = new QueueDepths(none, nowhere, queues, Clock.systemUTC());
        assertThat(unreachable.all()).isEmpty();
        assertThat(unreachable.problem()).startsWith("The broker's management did not answer");
        assertThat(unreachable.depth(queues.crmEvents())).isEmpty();
        parked.list(queues.deadLetter()).stream().filter(m -> m.body().contains("for the depth"))
                .forEach(m -> parked.discard(queues.deadLetter(), m.jmsId(), "test message", "test"));
    }

    private static Map<String, QueueDepths.QueueDepth> byQueue(List<QueueDepths.QueueDepth> depths) {
        Map<String, QueueDepths.QueueDepth> map = new java.util.LinkedHashMap<>();
        depths.forEach(d -> map.put(d.queue(), d));
        return map;
    }

    @Test
    void replayAllTakesOnlyTheMessagesOfTheChosenQueue() {
        String first = SyncTestSupport.unique("CR");
        String second = SyncTestSupport.unique("CR");
        String other = SyncTestSupport.unique("CR");
        deadLetter(ContactCreatedMessages.valid(UUID.randomUUID().toString(), first), queues.crmEvents());
        deadLetter(ContactCreatedMessages.valid(UUID.randomUUID().toString(), second), queues.crmEvents());
        // Said to come from erp.events: it stays where it is when only crm.events is replayed.
        deadLetter(ContactCreatedMessages.valid(UUID.randomUUID().toString(), other), queues.erpEvents());
        await().atMost(WAIT).until(() -> parked.list(queues.deadLetter()).stream()
                .filter(m -> m.body().contains(first) || m.body().contains(second) || m.body().contains(other))
                .count() == 3);

        ResponseEntity<String> answer = post("/console/message/replay-all",
                Map.of("queue", queues.deadLetter(), "originalQueue", queues.crmEvents()), null);
        assertThat(answer.getStatusCode().is3xxRedirection() || answer.getStatusCode().is2xxSuccessful()).isTrue();

        await().atMost(WAIT).until(() -> known.find(RecordType.CONTACT, first).isPresent()
                && known.find(RecordType.CONTACT, second).isPresent());
        List<ParkedMessages.ParkedMessage> left = parked.list(queues.deadLetter());
        assertThat(left).noneMatch(m -> m.body().contains(first) || m.body().contains(second));
        ParkedMessages.ParkedMessage stays = left.stream().filter(m -> m.body().contains(other)).findFirst()
                .orElseThrow();
        assertThat(known.find(RecordType.CONTACT, other)).isEmpty();
        parked.discard(queues.deadLetter(), stays.jmsId(), "test message", "test");
    }

    private void deadLetter(String text, String originalQueue) {
        jms.send(queues.deadLetter(), session -> {
            TextMessage message = session.createTextMessage(text);
            message.setStringProperty(HubHeaders.FAILURE_MESSAGE, "test");
            message.setStringProperty(HubHeaders.ORIGINAL_QUEUE, originalQueue);
            return message;
        });
    }

    @Test
    void aFormPostFromAnotherSiteIsRefused() {
        ResponseEntity<String> crossSite = post("/console/message/discard", Map.of("queue", queues.invalid(),
                "id", "ID:00000000-0000-0000-0000-000000000000", "reason", "x"), "http://evil.example");
        assertThat(crossSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        HttpHeaders fetchedCrossSite = new HttpHeaders();
        fetchedCrossSite.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        fetchedCrossSite.set("Sec-Fetch-Site", "cross-site");
        assertThat(http.exchange("/console/message/discard", HttpMethod.POST, new HttpEntity<>(
                "queue=hub.invalid&id=ID:00000000-0000-0000-0000-000000000000&reason=x", fetchedCrossSite),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> sameSite = post("/console/message/discard", Map.of("queue", queues.invalid(),
                "id", "ID:00000000-0000-0000-0000-000000000000", "reason", "x"),
                http.getRootUri());
        assertThat(sameSite.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND); // allowed, and the message is not there
    }

    @Test
    void thePagesAreHtmlAndTheApiKeepsItsProblems() {
        ResponseEntity<String> overview = http.getForEntity("/", String.class);
        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overview.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(overview.getBody()).contains("Overview").contains(queues.crmEvents()).contains("crm-events")
                .contains("/actuator/hawtio");
        for (String page : new String[] {"/console/messages", "/console/conflicts", "/console/links",
                "/console/imports", "/console/sync-errors", "/console/records/contact/CT000001"}) {
            ResponseEntity<String> answer = http.getForEntity(page, String.class);
            assertThat(answer.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(page).isTrue();
        }
        ResponseEntity<String> missing = http.getForEntity("/api/no-such-thing", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<String> badType = http.getForEntity("/console/records/planet/X1", String.class);
        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badType.getBody()).contains("recordType must be one of");
    }

    @Test
    void prometheusShowsTheConsolesFigures() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("hub_queue_depth{queue=\"" + queues.invalid() + "\"}")
                .contains("hub_queue_depth{queue=\"" + queues.crmEvents() + "\"}")
                .contains("hub_conflicts_parked").contains("hub_sync_errors");
        // Rows of the journal, once there are some.
        SyncTestSupport.unique("X");
        jms.convertAndSend(queues.crmEvents(), ContactCreatedMessages.valid(UUID.randomUUID().toString(),
                SyncTestSupport.unique("CM")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> http
                .getForObject("/actuator/prometheus", String.class).contains("hub_journal_decisions{decision="));
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("hub_import_row_outcomes{outcome=\"error\"}");
    }

    private ResponseEntity<String> post(String path, Map<String, String> form, String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (origin != null) {
            headers.setOrigin(origin);
        }
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
