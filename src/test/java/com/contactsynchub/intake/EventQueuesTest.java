package com.contactsynchub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;

import io.micrometer.core.instrument.MeterRegistry;

/** The event queues end to end: a real embedded Artemis, the YAML routes, a real H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventQueuesTest {

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    KnownRecords knownRecords;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestRestTemplate http;
    @Autowired
    com.contactsynchub.journal.Journal journal;

    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(10_000);
        drain(queues.invalid());
    }

    @Test
    void aValidContactEventIsRecordedWithWhatTheHubNowKnowsOfTheContact() {
        String contactNo = uniqueNo("CT");
        double refusedBefore = refused();
        String messageId = send(queues.crmEvents(), """
                {"messageId":"%s","type":"contact.created","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "version":1,"contactNo":"%s","contactType":"company","privacyBlocked":false,
                 "fields":{"name":"Fabrikam, Inc.","city":"Atlanta","phoneNo":"+1 404 555 0100"}}""", contactNo);

        awaitRecorded(messageId);
        KnownRecord contact = knownRecords.find(RecordType.CONTACT, contactNo).orElseThrow();
        assertThat(contact.contactType()).isEqualTo("company");
        // Validation comes before recording, so by now a refusal would have been counted: no waiting for nothing.
        assertThat(refused()).as("a valid message is not refused").isEqualTo(refusedBefore);
        assertThat(contact.fields().get("name").asText()).isEqualTo("Fabrikam, Inc.");
        assertThat(contact.version()).isEqualTo(1L);
    }

    @Test
    void aChangeKeepsFieldsItDoesNotMentionAndNeverChangesTheContactType() {
        String contactNo = uniqueNo("CT");
        String created = send(queues.crmEvents(), """
                {"messageId":"%s","type":"contact.created","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"%s","contactType":"company","fields":{"name":"Fabrikam","city":"Atlanta"}}""", contactNo);
        // Without a JMSXGroupID the two could be taken by two consumers in either order (and the older one
        // would then be stale), so this test waits for the first.
        awaitRecorded(created);
        String change = send(queues.crmEvents(), """
                {"messageId":"%s","type":"contact.changed","occurredAt":"2026-11-25T09:31:00Z","source":"crm",
                 "contactNo":"%s","contactType":"person","fields":{"city":"Seattle"}}""", contactNo);

        awaitRecorded(change);
        KnownRecord contact = knownRecords.find(RecordType.CONTACT, contactNo).orElseThrow();
        assertThat(contact.fields().get("name").asText()).isEqualTo("Fabrikam");
        assertThat(contact.fields().get("city").asText()).isEqualTo("Seattle");
        assertThat(contact.contactType()).isEqualTo("company");
    }

    @Test
    void anInvalidMessageGoesToHubInvalidUnchangedWithTheReasonAndTheNextMessageFlowsOn() throws JMSException {
        String tooLong = "x".repeat(101);
        String invalidBody = """
                {"messageId":"%s","type":"customer.changed","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"C00010","fields":{"name":"%s"}}""".formatted(UUID.randomUUID(), tooLong);
        jms.convertAndSend(queues.erpEvents(), invalidBody);
        String valid = send(queues.erpEvents(), """
                {"messageId":"%s","type":"customer.changed","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"%s","fields":{"name":"Adatum Corporation"}}""", uniqueNo("C"));

        Message refused = jms.receive(queues.invalid());
        assertThat(refused).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) refused).getText()).isEqualTo(invalidBody);
        assertThat(refused.getStringProperty("hubInvalidReason")).isEqualTo("fields.name: 101 characters, the limit is 100");
        assertThat(refused.getStringProperty("hubOriginalQueue")).isEqualTo(queues.erpEvents());
        assertThat(refused.getStringProperty("hubInvalidAt")).isNotBlank();
        awaitRecorded(valid);
    }

    @Test
    void malformedJsonAndBinaryMessagesAreRefusedWithAReason() throws JMSException {
        jms.convertAndSend(queues.crmEvents(), "{\"messageId\": \"m\", \"type\": \"contact.created\",");
        jms.send(queues.crmEvents(), session -> {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
            return bytes;
        });

        // Two consumers may take them in either order.
        var reasons = java.util.List.of(jms.receive(queues.invalid()).getStringProperty("hubInvalidReason"),
                jms.receive(queues.invalid()).getStringProperty("hubInvalidReason"));
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("the message is not valid JSON at line 1, column"));
        // A BytesMessage is not read at all (docs/messages.md, Invalid messages): only text messages are.
        assertThat(reasons).contains("only JSON text messages are accepted (this is a BytesMessage)");
    }

    @Test
    void aMessageOnTheWrongQueueIsRefused() throws JMSException {
        jms.convertAndSend(queues.crmEvents(), """
                {"messageId":"%s","type":"vendor.deleted","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "vendorNo":"V00010"}""".formatted(UUID.randomUUID()));

        Message refused = jms.receive(queues.invalid());
        assertThat(refused.getStringProperty("hubInvalidReason"))
                .isEqualTo("type: 'vendor.deleted' is not accepted on crm.events (it travels on [erp.events])");
    }

    @Test
    void theSameMessageTwiceIsAppliedOnce() {
        String contactNo = uniqueNo("CT");
        String messageId = UUID.randomUUID().toString();
        String first = """
                {"messageId":"%s","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"%s","fields":{"name":"First"}}""".formatted(messageId, contactNo);
        double duplicatesBefore = duplicates();
        // In the record's message group, as producers send (docs/messages.md): without one, two consumers could
        // take the two in either order and the re-send would be the one applied.
        jms.convertAndSend(queues.crmEvents(), first, inGroup("contact:" + contactNo));
        jms.convertAndSend(queues.crmEvents(), first.replace("First", "Second"), inGroup("contact:" + contactNo));

        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() > duplicatesBefore);
        assertThat(countRecorded(messageId)).isEqualTo(1);
        assertThat(knownRecords.find(RecordType.CONTACT, contactNo).orElseThrow().fields().get("name").asText())
                .isEqualTo("First");
    }

    @Test
    void theApiListsWhatWasReceivedForARecordNewestFirst() {
        String customerNo = uniqueNo("C");
        String created = send(queues.erpEvents(), """
                {"messageId":"%s","type":"customer.created","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"%s","contactType":"company","fields":{"name":"Adatum"}}""", customerNo);
        awaitRecorded(created);
        String deleted = send(queues.erpEvents(), """
                {"messageId":"%s","type":"customer.deleted","occurredAt":"2026-11-25T09:35:00Z","source":"erp",
                 "customerNo":"%s"}""", customerNo);
        awaitRecorded(deleted);

        var events = http.getForObject("/api/events?recordType=customer&recordNo=" + customerNo, java.util.List.class);
        assertThat(events).extracting("messageId").containsExactly(deleted, created);
        var record = http.getForObject("/api/records/customer/" + customerNo, java.util.Map.class);
        assertThat(record).containsEntry("deleted", true);
        assertThat(http.getForEntity("/api/records/customer/NOPE", String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theJournalOfARecordOrADocumentIsReadNewestFirst() {
        String documentNo = uniqueNo("SQ");
        journal.write("document", documentNo, "interaction-skipped", "erp", "m-1", null, null, "no template");
        journal.write("document", documentNo, "interaction-logged", "erp", "m-2", null, null, "logged");

        var entries = http.getForObject("/api/journal/document/" + documentNo, java.util.List.class);
        assertThat(entries).extracting("decision").containsExactly("interaction-logged", "interaction-skipped");
        assertThat(http.getForEntity("/api/journal/robot/X1", String.class).getStatusCode().value()).isEqualTo(400);
    }

    private String send(String queue, String template, Object... args) {
        String messageId = UUID.randomUUID().toString();
        Object[] all = new Object[args.length + 1];
        all[0] = messageId;
        System.arraycopy(args, 0, all, 1, args.length);
        jms.convertAndSend(queue, template.formatted(all));
        return messageId;
    }

    private void awaitRecorded(String messageId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> countRecorded(messageId) == 1);
    }

    private int countRecorded(String messageId) {
        return jdbc.queryForObject("select count(*) from inbound_message where message_id = :id",
                new MapSqlParameterSource("id", messageId), Integer.class);
    }

    private double refused() {
        return meters.find("hub.messages.invalid").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double duplicates() {
        return meters.find("hub.messages.duplicate").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private void drain(String queue) {
        JmsTemplate quick = new JmsTemplate(connectionFactory);
        quick.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
        while (quick.receive(queue) != null) {
            // left over from another test of this context
        }
    }

    private static org.springframework.jms.core.MessagePostProcessor inGroup(String groupId) {
        return message -> {
            message.setStringProperty("JMSXGroupID", groupId);
            return message;
        };
    }

    private static String uniqueNo(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
