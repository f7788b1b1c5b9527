package com.contactsynchub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.crm.ContactChange;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Late, repeated, out-of-order and invalid events; deletes on each side; persons; the contact type. */
@SyncEndToEnd
class SyncOrderingAndDeletesTest {

    @Autowired
    SyncTestSupport support;
    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    LinkRegistry links;
    @Autowired
    KnownRecords known;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;
    @Autowired
    ObjectMapper mapper;

    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        jms = new JmsTemplate(connectionFactory);
    }

    @Test
    void anOlderVersionAfterANewerOneChangesNothingAndIsJournalledStale() {
        SyncTestSupport.Group group = support.linkedGroup(true, false, false);
        RecordRef customer = group.financeRecords().get(0);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

        String newer = send(contactChanged(group.contactNo(), 5L, now, Map.of("phoneNo", "+1 404 555 0105")));
        String older = send(contactChanged(group.contactNo(), 4L, now.plusSeconds(1), Map.of("phoneNo", "+1 404 555 0104")));
        support.awaitQuiet();

        assertThat(support.valuesIn(customer).get(CommonField.PHONE_NO)).isEqualTo("+1 404 555 0105");
        assertThat(support.commandsTo(customer)).isEqualTo(1);
        assertThat(support.journal(group.contact())).anySatisfy(e -> {
            assertThat(e.decision()).isEqualTo("stale");
            assertThat(e.causationId()).isEqualTo(older);
        }).anySatisfy(e -> {
            assertThat(e.decision()).isEqualTo("pushed");
            assertThat(e.causationId()).isEqualTo(newer);
        });
    }

    @Test
    void anEarlierOccurredAtWithoutVersionChangesNothingAndIsJournalledStale() {
        SyncTestSupport.Group group = support.linkedGroup(true, false, false);
        RecordRef customer = group.financeRecords().get(0);
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1).truncatedTo(ChronoUnit.MILLIS);

        send(contactChanged(group.contactNo(), null, later, Map.of("city", "Savannah")));
        String earlier = send(contactChanged(group.contactNo(), null, later.minusSeconds(30), Map.of("city", "Macon")));
        support.awaitQuiet();

        assertThat(support.valuesIn(customer).get(CommonField.CITY)).isEqualTo("Savannah");
        assertThat(support.valuesIn(group.contact()).get(CommonField.CITY)).as("the contact system's own value")
                .isEqualTo("Atlanta");
        assertThat(support.commandsTo(customer)).isEqualTo(1);
        assertThat(support.journal(group.contact())).anySatisfy(e -> {
            assertThat(e.decision()).isEqualTo("stale");
            assertThat(e.causationId()).isEqualTo(earlier);
        });
    }

    @Test
    void deletingALinkedContactRemovesItsLinksAndNothingInTheFinanceSystem() {
        SyncTestSupport.Group group = support.linkedGroup();
        crm.delete(group.contactNo());

        await().atMost(Duration.ofSeconds(20)).until(() -> links.findByContact(group.contactNo()).isEmpty());
        support.awaitQuiet();
        for (RecordRef record : group.financeRecords()) {
            assertThat(erp.find(SyncTestSupport.kind(record.type()), record.no())).as(record + " remains").isPresent();
            assertThat(support.valuesIn(record).get(CommonField.NAME)).isEqualTo("Company " + group.contactNo());
            assertThat(support.commandsTo(record)).isZero();
            assertThat(support.decisions(record)).contains("link-removed");
        }
        assertThat(support.decisions(group.contact())).contains("link-removed");

        // Later edits of the once linked records go nowhere.
        RecordRef customer = group.financeRecords().get(0);
        erp.change(FinanceKind.CUSTOMER, customer.no(), Map.of(CommonField.CITY, "Savannah"), Map.of(), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> support.decisions(customer).contains("skipped-unlinked"));
        support.awaitQuiet();
        assertThat(support.count("select count(*) from outbound_command where group_id like '%" + group.contactNo()
                + "' or group_id = '" + customer + "'")).isZero();
    }

    @Test
    void deletingALinkedCustomerRemovesItsLinkAndKeepsTheContactAndItsOtherLinks() {
        SyncTestSupport.Group group = support.linkedGroup();
        RecordRef customer = new RecordRef(RecordType.CUSTOMER, group.customerNo());
        erp.delete(FinanceKind.CUSTOMER, group.customerNo());

        await().atMost(Duration.ofSeconds(20)).until(() -> links.findByRecord(LinkType.CUSTOMER, group.customerNo())
                .isEmpty());
        assertThat(crm.find(group.contactNo())).as("the contact remains").isPresent();
        assertThat(links.findByContact(group.contactNo())).extracting(l -> l.linkType())
                .containsExactlyInAnyOrder(LinkType.VENDOR, LinkType.BANK_ACCOUNT);
        assertThat(support.decisions(customer)).contains("link-removed");

        // The contact still syncs with the vendor and bank account, never with the deleted customer.
        crm.change(group.contactNo(), ContactChange.ofFields(Map.of(CommonField.EMAIL, "info@example.com")));
        await().atMost(Duration.ofSeconds(20)).until(() -> "info@example.com".equals(support.valuesIn(
                new RecordRef(RecordType.VENDOR, group.vendorNo())).get(CommonField.EMAIL)));
        // A late event about the deleted customer changes nothing.
        String late = send(financeChanged("customer.changed", "customerNo", group.customerNo(), 99L,
                Map.of("email", "late@example.com")));
        support.awaitQuiet();
        assertThat(support.commandsTo(customer)).isZero();
        assertThat(support.valuesIn(group.contact()).get(CommonField.EMAIL)).isEqualTo("info@example.com");
        assertThat(support.journal(customer)).anySatisfy(e -> {
            assertThat(e.decision()).isEqualTo("skipped-unlinked");
            assertThat(e.causationId()).isEqualTo(late);
        });
    }

    @Test
    void aPersonsChangeDoesNotReachItsCompanysCustomer() {
        SyncTestSupport.Group group = support.linkedGroup(true, false, false);
        RecordRef customer = group.financeRecords().get(0);
        String personNo = SyncTestSupport.unique("PE");
        crm.create(personNo, "person", group.contactNo(), false, Map.of(CommonField.NAME, "Jo Berry"));
        support.awaitKnown(new RecordRef(RecordType.CONTACT, personNo));

        crm.change(personNo, ContactChange.ofFields(Map.of(CommonField.PHONE_NO, "+1 404 555 0177",
                CommonField.CITY, "Savannah")));
        RecordRef person = new RecordRef(RecordType.CONTACT, personNo);
        await().atMost(Duration.ofSeconds(20)).until(() -> support.decisions(person).contains("skipped-unlinked"));
        support.awaitQuiet();

        assertThat(support.commandsTo(customer)).isZero();
        assertThat(support.valuesIn(customer).get(CommonField.CITY)).isEqualTo("Atlanta");
        assertThat(support.journal(person).get(0).detail()).contains("person of company " + group.contactNo());
    }

    @Test
    void theContactTypeIsNeverOverwrittenByAnUpdate() throws Exception {
        SyncTestSupport.Group group = support.linkedGroup(true, false, false);
        RecordRef customer = group.financeRecords().get(0);
        // The finance system reports the customer as a person while changing a field: the contact stays a company.
        erp.change(FinanceKind.CUSTOMER, customer.no(), Map.of(CommonField.NAME2, "Head office"), Map.of(), "person");
        await().atMost(Duration.ofSeconds(20)).until(() -> "Head office".equals(
                support.valuesIn(group.contact()).get(CommonField.NAME2)));
        // A contact.changed that claims another type does not change what the hub knows either.
        ObjectNode changed = contactChanged(group.contactNo(), 50L, OffsetDateTime.now(ZoneOffset.UTC),
                Map.of("name2", "Branch"));
        changed.put("contactType", "person");
        send(changed);
        support.awaitQuiet();

        assertThat(crm.find(group.contactNo()).orElseThrow().contactType()).isEqualTo("company");
        assertThat(known.find(RecordType.CONTACT, group.contactNo()).orElseThrow().contactType()).isEqualTo("company");
        assertThat(support.valuesIn(customer).get(CommonField.NAME2)).isEqualTo("Branch");
        for (String payload : support.commandPayloads(group.contact())) {
            assertThat(mapper.readTree(payload).has("contactType")).as(payload).isFalse();
        }
        for (String payload : support.commandPayloads(customer)) {
            assertThat(mapper.readTree(payload).has("contactType")).as(payload).isFalse();
        }
    }

    @Test
    void invalidMessagesAmongValidOnesGoToHubInvalidAndTheValidOnesAllApply() throws Exception {
        SyncTestSupport.Group group = support.linkedGroup(false, true, false);
        RecordRef vendor = group.financeRecords().get(0);
        String marker = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<String> invalid = new ArrayList<>();

        send(contactChanged(group.contactNo(), 10L, now, Map.of("phoneNo", "+1 404 555 0110")));
        ObjectNode tooLong = contactChanged(group.contactNo(), 11L, now, Map.of("name", "N".repeat(101)));
        tooLong.put("marker", marker);
        invalid.add(send(tooLong));
        send(contactChanged(group.contactNo(), 12L, now, Map.of("city", "Savannah")));
        ObjectNode salesperson = financeChanged("vendor.changed", "vendorNo", vendor.no(), 13L,
                Map.of("salespersonCode", "JO"));
        salesperson.put("marker", marker);
        invalid.add(send(salesperson));
        send(contactChanged(group.contactNo(), 14L, now, Map.of("email", "orders@example.com")));
        ObjectNode noId = contactChanged(group.contactNo(), 15L, now, Map.of("city", "Macon"));
        noId.remove("messageId");
        noId.put("marker", marker);
        sendRaw(noId.toString(), group.contactNo());
        send(contactChanged(group.contactNo(), 16L, now, Map.of("countryRegionCode", " ca ")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(support.valuesIn(vendor))
                .containsEntry(CommonField.PHONE_NO, "+1 404 555 0110")
                .containsEntry(CommonField.CITY, "Savannah")
                .containsEntry(CommonField.EMAIL, "orders@example.com")
                .containsEntry(CommonField.COUNTRY_REGION_CODE, "CA"));
        support.awaitQuiet();
        assertThat(support.commandsTo(vendor)).isEqualTo(4);

        List<String> reasons = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reasons.clear();
            jms.browse(queues.invalid(), (session, browser) -> {
                for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                    TextMessage m = (TextMessage) e.nextElement();
                    if (m.getText().contains(marker)) {
                        reasons.add(m.getStringProperty(HubHeaders.INVALID_REASON));
                    }
                }
                return null;
            });
            return reasons.size() == 3;
        });
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("name").contains("101 characters, the limit is 100"))
                .anySatisfy(r -> assertThat(r).contains("salespersonCode"))
                .anySatisfy(r -> assertThat(r).contains("messageId"));
    }

    private ObjectNode contactChanged(String contactNo, Long version, OffsetDateTime at, Map<String, String> fields) {
        ObjectNode message = envelope("contact.changed", "crm", version, at);
        message.put("contactNo", contactNo);
        message.put("contactType", "company");
        fields(message, fields);
        return message;
    }

    private ObjectNode financeChanged(String type, String keyField, String no, Long version, Map<String, String> fields) {
        ObjectNode message = envelope(type, "erp", version, OffsetDateTime.now(ZoneOffset.UTC));
        message.put(keyField, no);
        fields(message, fields);
        return message;
    }

    private ObjectNode envelope(String type, String source, Long version, OffsetDateTime at) {
        ObjectNode message = mapper.createObjectNode();
        message.put("messageId", UUID.randomUUID().toString());
        message.put("type", type);
        message.put("occurredAt", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                at.truncatedTo(ChronoUnit.MILLIS)));
        message.put("source", source);
        if (version != null) {
            message.put("version", version);
        }
        return message;
    }

    private static void fields(ObjectNode message, Map<String, String> fields) {
        ObjectNode node = message.putObject("fields");
        fields.forEach(node::put);
    }

    /** Sends on the event queue of the message's source, grouped by its record like the systems do. */
    private String send(ObjectNode message) {
        String group = message.has("contactNo") ? "contact:" + message.get("contactNo").asText()
                : message.has("customerNo") ? "customer:" + message.get("customerNo").asText()
                : "vendor:" + message.get("vendorNo").asText();
        String queue = message.get("source").asText().equals("crm") ? queues.crmEvents() : queues.erpEvents();
        String text = message.toString();
        jms.send(queue, session -> {
            TextMessage m = session.createTextMessage(text);
            m.setStringProperty("JMSXGroupID", group);
            return m;
        });
        return message.path("messageId").asText();
    }

    private void sendRaw(String text, String contactNo) {
        jms.send(queues.crmEvents(), session -> {
            TextMessage m = session.createTextMessage(text);
            m.setStringProperty("JMSXGroupID", "contact:" + contactNo);
            return m;
        });
    }
}
