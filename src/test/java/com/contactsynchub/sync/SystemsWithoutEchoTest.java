package com.contactsynchub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.journal.JournalEntry;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Systems that publish no change event for the integration's own writes (Business Central does not run the Modify
 * trigger on them), played by the test over the real broker: the finance system acknowledges each update, the
 * contact system does not even do that. A user's later edit of a field the hub wrote is an edit, not a conflict, and
 * nothing is written back to where it was made.
 */
// No automatic contacts for the customers the test reports (it links them itself). The creation time-outs are
// linking/CreationAcknowledgementTest's: the same properties give the two classes one Spring context.
@SpringBootTest(properties = {"hub.creation.acknowledgement-timeout=3s", "hub.creation.resends=2",
        "hub.creation.check-interval=500ms", "hub.systems.erp.echoes=false", "hub.systems.erp.acknowledges-updates=true",
        "hub.systems.crm.echoes=false", "hub.systems.crm.acknowledges-updates=false", "hub.setup.contact-nos="})
@ActiveProfiles("test")
class SystemsWithoutEchoTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger MINUTE = new AtomicInteger();

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;
    @Autowired
    Journal journal;
    @Autowired
    LinkRegistry links;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc;

    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(WAIT.toMillis());
    }

    @Test
    void aUserEditOfAFieldTheHubWroteIsPushedOnNotTakenAsAConflict() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String contactNo = "CT" + id;
        String customerNo = "C" + id;
        send(queues.crmEvents(), "contact:" + contactNo, "contact.created", "contactNo", contactNo,
                "\"contactType\":\"company\",\"fields\":{\"name\":\"Litware\",\"city\":\"Atlanta\"}");
        send(queues.erpEvents(), "customer:" + customerNo, "customer.created", "customerNo", customerNo,
                "\"contactType\":\"company\",\"fields\":{\"name\":\"Litware\",\"city\":\"Atlanta\"}");
        await().atMost(WAIT).until(() -> !decisions("customer", customerNo).isEmpty());
        send(queues.crmEvents(), "contact:" + contactNo, "link.requested", "contactNo", contactNo,
                "\"linkType\":\"customer\",\"recordNo\":\"" + customerNo + "\",\"master\":\"contact\"");
        await().atMost(WAIT).until(() -> links.findByRecord(LinkType.CUSTOMER, customerNo)
                .filter(l -> l.status() == LinkStatus.ACTIVE).isPresent());

        // The contact system's user edits the city; the finance system applies the hub's write, acknowledges it and
        // publishes nothing.
        send(queues.crmEvents(), "contact:" + contactNo, "contact.changed", "contactNo", contactNo,
                "\"fields\":{\"name\":\"Litware\",\"city\":\"Leeds\"}");
        JsonNode toCustomer = receive(queues.erpCommands(), "customer.update", "customerNo", customerNo);
        assertThat(toCustomer.path("fields").path("city").asText()).isEqualTo("Leeds");
        send(queues.erpEvents(), "customer:" + customerNo, "command.acknowledged", "commandId",
                toCustomer.path("commandId").asText(), "\"status\":\"applied\"");
        await().atMost(WAIT).until(() -> decisions("customer", customerNo).contains("write-acknowledged"));

        // Later the finance system's user edits the same field: an edit, pushed to the contact. The contact system
        // publishes nothing for that write either (not even an acknowledgement).
        send(queues.erpEvents(), "customer:" + customerNo, "customer.changed", "customerNo", customerNo,
                "\"contactType\":\"company\",\"fields\":{\"name\":\"Litware\",\"city\":\"York\"}");
        JsonNode toContact = receive(queues.crmCommands(), "contact.update", "contactNo", contactNo);
        assertThat(toContact.path("fields").path("city").asText()).isEqualTo("York");

        // And the contact system's user edits it again: pushed to the customer, nothing back to the contact.
        send(queues.crmEvents(), "contact:" + contactNo, "contact.changed", "contactNo", contactNo,
                "\"fields\":{\"name\":\"Litware\",\"city\":\"Hull\"}");
        JsonNode again = receive(queues.erpCommands(), "customer.update", "customerNo", customerNo);
        assertThat(again.path("fields").path("city").asText()).isEqualTo("Hull");

        assertThat(decisions("customer", customerNo)).contains("pushed").noneMatch(d -> d.startsWith("conflict"));
        assertThat(decisions("contact", contactNo)).noneMatch(d -> d.startsWith("conflict"));
        assertThat(jdbc.queryForObject("select count(*) from outbound_command where group_id = :group and type = :type",
                java.util.Map.of("group", "contact:" + contactNo, "type", "contact.update"), Integer.class))
                .as("the contact got the one write of York, nothing back after its own edit").isEqualTo(1);
    }

    private void send(String queue, String group, String type, String keyField, String key, String more) {
        String body = "{\"messageId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"2026-11-25T10:%02d:00Z\",\"source\":\"%s\",\"%s\":\"%s\",%s}"
                .formatted(UUID.randomUUID(), type, MINUTE.incrementAndGet() % 60,
                        queue.equals(queues.crmEvents()) ? "crm" : "erp", keyField, key, more);
        jms.convertAndSend(queue, body, message -> {
            message.setStringProperty("JMSXGroupID", group);
            return message;
        });
    }

    /** The next command of that type to the record (the answer to the link request travels in its group too). */
    private JsonNode receive(String queue, String type, String keyField, String key) throws Exception {
        String selector = "JMSXGroupID = '" + type.substring(0, type.indexOf('.')) + ":" + key + "'";
        TextMessage message;
        while ((message = (TextMessage) jms.receiveSelected(queue, selector)) != null) {
            JsonNode command = mapper.readTree(message.getText());
            if (command.path("type").asText().equals(type)) {
                assertThat(command.path(keyField).asText()).isEqualTo(key);
                return command;
            }
        }
        throw new AssertionError("no " + type + " for " + key + " on " + queue + " within " + WAIT);
    }

    private List<String> decisions(String recordType, String no) {
        return journal.forRecord(recordType, no, 50).stream().map(JournalEntry::decision).toList();
    }
}
