package com.contactsynchub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rule for record numbers, end to end (docs/messages.md, "Record numbers"): a number with lower-case letters is
 * refused onto hub.invalid with the reason, not taken as sent by one message and upper-cased by the next; the next
 * valid message flows on; the admin API answers 400 with the same reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecordNumberRuleEndToEndTest {

    private static final String LOWER_CASE_REASON =
            "'D80158C19a' has lower-case letters; record numbers are Code values and must be upper case";

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    KnownRecords knownRecords;
    @Autowired
    TestRestTemplate http;

    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(10_000);
        JmsTemplate quick = new JmsTemplate(connectionFactory);
        quick.setReceiveTimeout(200);
        while (quick.receive(queues.invalid()) != null) {
            // drain what other tests left
        }
    }

    @Test
    void aLowerCaseCustomerNoLandsOnHubInvalidWithTheReasonAndTheNextMessageFlows() throws JMSException {
        String invalidBody = """
                {"messageId":"%s","type":"customer.created","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"D80158C19a","contactType":"company","fields":{"name":"Adatum"}}"""
                .formatted(UUID.randomUUID());
        jms.convertAndSend(queues.erpEvents(), invalidBody);
        String customerNo = "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String valid = send(queues.erpEvents(), """
                {"messageId":"%s","type":"customer.created","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"%s","contactType":"company","fields":{"name":"Adatum"}}""", customerNo);

        Message refused = jms.receive(queues.invalid());
        assertThat(((TextMessage) refused).getText()).isEqualTo(invalidBody);
        assertThat(refused.getStringProperty("hubInvalidReason")).isEqualTo("customerNo: " + LOWER_CASE_REASON);
        assertThat(refused.getStringProperty("hubOriginalQueue")).isEqualTo(queues.erpEvents());
        awaitRecorded(valid);
        assertThat(knownRecords.find(RecordType.CUSTOMER, customerNo)).isPresent();
        assertThat(knownRecords.find(RecordType.CUSTOMER, "D80158C19a")).isEmpty();
        assertThat(knownRecords.find(RecordType.CUSTOMER, "D80158C19A")).isEmpty();
    }

    @Test
    void aLinkRequestNamingALowerCaseNumberIsRefusedTheSameWay() throws JMSException {
        jms.convertAndSend(queues.crmEvents(), """
                {"messageId":"%s","type":"link.requested","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"CT000001","linkType":"customer","recordNo":"D80158C19a","master":"contact"}"""
                .formatted(UUID.randomUUID()));

        Message refused = jms.receive(queues.invalid());
        assertThat(refused.getStringProperty("hubInvalidReason")).isEqualTo("recordNo: " + LOWER_CASE_REASON);
    }

    @Test
    void theApiAnswers400WithTheSameReasonInBodiesPathsAndParameters() {
        ResponseEntity<JsonNode> link = http.postForEntity("/api/links", Map.of("contactNo", "CT000001",
                "linkType", "customer", "recordNo", "D80158C19a", "master", "contact"), JsonNode.class);
        assertThat(link.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(link.getBody().path("detail").asText()).isEqualTo("recordNo: " + LOWER_CASE_REASON);

        for (String path : new String[] {"/api/links/customer/D80158C19a", "/api/links?recordNo=D80158C19a",
                "/api/records/customer/D80158C19a", "/api/journal/customer/D80158C19a",
                "/api/events?recordType=customer&recordNo=D80158C19a"}) {
            ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().path("detail").asText()).as(path).isEqualTo("recordNo: " + LOWER_CASE_REASON);
        }
        ResponseEntity<JsonNode> contactLinks = http.getForEntity("/api/contacts/ct000001/links", JsonNode.class);
        assertThat(contactLinks.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(contactLinks.getBody().path("detail").asText()).isEqualTo(
                "contactNo: 'ct000001' has lower-case letters; record numbers are Code values and must be upper case");
        ResponseEntity<JsonNode> create = http.postForEntity("/api/contacts/ct000001/customer", null, JsonNode.class);
        assertThat(create.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(create.getBody().path("detail").asText()).isEqualTo(
                "contactNo: 'ct000001' has lower-case letters; record numbers are Code values and must be upper case");
        ResponseEntity<JsonNode> document = http.getForEntity("/api/documents/sq000001", JsonNode.class);
        assertThat(document.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(document.getBody().path("detail").asText()).startsWith("documentNo: 'sq000001' has lower-case");
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
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from inbound_message where message_id = :id",
                new MapSqlParameterSource("id", messageId), Integer.class) == 1);
    }
}
