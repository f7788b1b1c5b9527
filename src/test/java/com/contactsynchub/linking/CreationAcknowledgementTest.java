package com.contactsynchub.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.journal.JournalEntry;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkStatus;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.numberseries.NumberSeries;
import com.contactsynchub.numberseries.NumberSeriesRepository;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A create command's acknowledgement as a real finance system sends it, played by the test over the real broker (no
 * reference systems): the acknowledgement may come before the new record's own created event, which travels under
 * another message group.
 */
// The same properties as sync/SystemsWithoutEchoTest, so that the two share one Spring context (and one start).
@SpringBootTest(properties = {"hub.creation.acknowledgement-timeout=3s", "hub.creation.resends=2",
        "hub.creation.check-interval=500ms", "hub.systems.erp.echoes=false", "hub.systems.erp.acknowledges-updates=true",
        "hub.systems.crm.echoes=false", "hub.systems.crm.acknowledges-updates=false", "hub.setup.contact-nos="})
@ActiveProfiles("test")
class CreationAcknowledgementTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    Journal journal;
    @Autowired
    LinkRegistry links;
    @Autowired
    SetupService setup;
    @Autowired
    NumberSeriesRepository numberSeries;
    @Autowired
    ObjectMapper mapper;

    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(WAIT.toMillis());
    }

    /** The quiet case of issue #12: the customer reports exactly what it was created with, so nothing is written. */
    @Test
    void anAcknowledgementBeforeTheCreatedEventSendsNoUpdateOfWhatTheCustomerWasCreatedWith() throws Exception {
        String contactNo = contact("Tailspin Toys", "Montreal");
        String customerNo;
        MarketingSetup before = setup.current();
        setup.replace(withCustomerNos(before, ownSeries()));
        try {
            String request = requestCustomer(contactNo);
            JsonNode create = receiveCommand(queues.erpCommands(), "customer.create", request);
            customerNo = create.path("customerNo").asText();

            send(queues.erpEvents(), "customer:" + customerNo, acknowledged(create.path("commandId").asText(),
                    customerNo));
            await().atMost(WAIT).until(() -> decisions("customer", customerNo).contains("creation-completed"));
            assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo).orElseThrow().status())
                    .isEqualTo(LinkStatus.ACTIVE);
            String created = UUID.randomUUID().toString();
            send(queues.erpEvents(), "customer:" + customerNo, """
                    {"messageId":"%s","type":"customer.created","occurredAt":"2026-11-25T09:32:00Z","source":"erp",
                     "customerNo":"%s","contactType":"company","fields":%s}"""
                    .formatted(created, customerNo, create.path("fields")));
            await().atMost(WAIT).until(() -> journal.forRecord("customer", customerNo, 50).stream()
                    .anyMatch(e -> created.equals(e.causationId())));
        } finally {
            setup.replace(before);
        }

        assertThat(commandCount("customer:" + customerNo, "customer.update")).isZero();
        assertThat(commandCount("contact:" + contactNo, "contact.update")).isZero();
        assertThat(journal.forRecord("customer", customerNo, 50)).filteredOn(e -> e.decision().equals("update-sent"))
                .isEmpty();
    }

    /**
     * A finance system that never acknowledges: the create command is sent again unchanged (same commandId) twice,
     * then the hub gives up, removes the link, answers the request as rejected with the reason, and never hands out
     * the number again; an acknowledgement that comes after that links nothing.
     */
    @Test
    void aCreationNeverAcknowledgedIsSentAgainThenGivenUpAndItsNumberIsNotReused() throws Exception {
        String contactNo = contact("Wingtip Toys", "Boston");
        MarketingSetup before = setup.current();
        setup.replace(withCustomerNos(before, ownSeries()));
        try {
            String request = requestCustomer(contactNo);
            JsonNode first = receiveCommand(queues.erpCommands(), "customer.create", request);
            String customerNo = first.path("customerNo").asText();
            JsonNode second = receiveCommand(queues.erpCommands(), "customer.create", request);
            JsonNode third = receiveCommand(queues.erpCommands(), "customer.create", request);
            assertThat(second).isEqualTo(first);
            assertThat(third).isEqualTo(first);

            JsonNode answer = receiveCommand(queues.crmCommands(), "request.rejected", first.path("commandId").asText());
            assertThat(answer.path("requestId").asText()).isEqualTo(request);
            assertThat(answer.path("reason").asText()).isEqualTo("the finance system did not acknowledge"
                    + " customer.create for Customer " + customerNo + " (sent 3 times, waited 3 s after each); the hub"
                    + " gave up, the link is removed and " + customerNo + " is not used again");
            assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo)).isEmpty();
            assertThat(links.findByContact(contactNo)).isEmpty();
            assertThat(decisions("customer", customerNo)).containsSubsequence("creation-expired", "creation-resent",
                    "creation-resent", "creation-requested");

            // The late acknowledgement links nothing; the next request gets the next number.
            send(queues.erpEvents(), "customer:" + customerNo, acknowledged(first.path("commandId").asText(),
                    customerNo));
            await().atMost(WAIT).until(() -> decisions("customer", customerNo).contains("acknowledgement-late"));
            assertThat(links.findByRecord(LinkType.CUSTOMER, customerNo)).isEmpty();
            String again = requestCustomer(contactNo);
            String nextNo = receiveCommand(queues.erpCommands(), "customer.create", again).path("customerNo").asText();
            assertThat(nextNo).isNotEqualTo(customerNo).isGreaterThan(customerNo);
        } finally {
            setup.replace(before);
        }
    }

    private String contact(String name, String city) {
        String contactNo = "CT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        String messageId = UUID.randomUUID().toString();
        send(queues.crmEvents(), "contact:" + contactNo, """
                {"messageId":"%s","type":"contact.created","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"%s","contactType":"company","fields":{"name":"%s","city":"%s"}}"""
                .formatted(messageId, contactNo, name, city));
        await().atMost(WAIT).until(() -> !journal.forRecord("contact", contactNo, 5).isEmpty());
        return contactNo;
    }

    private String requestCustomer(String contactNo) {
        String request = UUID.randomUUID().toString();
        send(queues.crmEvents(), "contact:" + contactNo, """
                {"messageId":"%s","type":"customer.creation.requested","occurredAt":"2026-11-25T09:31:00Z",
                 "source":"crm","contactNo":"%s"}""".formatted(request, contactNo));
        return request;
    }

    private String ownSeries() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        numberSeries.save(new NumberSeries(code, "acknowledgement test", "A" + code.substring(1, 7) + "01", null, 1,
                null));
        return code;
    }

    private static MarketingSetup withCustomerNos(MarketingSetup s, String series) {
        return new MarketingSetup(s.busRelCodeForCustomers(), s.busRelCodeForVendors(), s.busRelCodeForBankAccounts(),
                s.contactNos(), series, s.vendorNos(), s.bankAccountNos(), s.customerTemplates(), s.vendorTemplates(),
                s.interactionTemplates(), s.conflictPolicy(), s.version());
    }

    private static String acknowledged(String commandId, String recordNo) {
        return """
                {"messageId":"%s","type":"command.acknowledged","occurredAt":"2026-11-25T09:31:30Z","source":"erp",
                 "commandId":"%s","status":"applied","recordNo":"%s"}""".formatted(UUID.randomUUID(), commandId,
                recordNo);
    }

    private void send(String queue, String group, String body) {
        jms.convertAndSend(queue, body, message -> {
            message.setStringProperty("JMSXGroupID", group);
            return message;
        });
    }

    /** The next command of that type caused by the message; others (earlier tests' leftovers) are skipped. */
    private JsonNode receiveCommand(String queue, String type, String causationId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            TextMessage message = (TextMessage) jms.receive(queue);
            if (message == null) {
                break;
            }
            JsonNode command = mapper.readTree(message.getText());
            if (command.path("type").asText().equals(type) && command.path("causationId").asText().equals(causationId)) {
                return command;
            }
        }
        throw new AssertionError("no " + type + " caused by " + causationId + " on " + queue + " within " + WAIT);
    }

    private List<String> decisions(String recordType, String no) {
        return journal.forRecord(recordType, no, 50).stream().map(JournalEntry::decision).toList();
    }

    private int commandCount(String target, String type) {
        return jdbc.queryForObject("select count(*) from outbound_command where group_id = :target and type = :type",
                new MapSqlParameterSource("target", target).addValue("type", type), Integer.class);
    }
}
