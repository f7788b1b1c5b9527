package com.contactsynchub.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.RecordType;
import com.contactsynchub.intake.KnownRecords;
import com.contactsynchub.journal.Journal;
import com.contactsynchub.journal.JournalEntry;
import com.contactsynchub.link.CustomerLinkListener;
import com.contactsynchub.link.LinkRegistry;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.reference.ReferencePublisher;
import com.contactsynchub.reference.ReferenceSystem;
import com.contactsynchub.reference.crm.ContactSystem;
import com.contactsynchub.reference.crm.Interaction;
import com.contactsynchub.reference.crm.UserRequests;
import com.contactsynchub.reference.erp.Document;
import com.contactsynchub.reference.erp.FinanceKind;
import com.contactsynchub.reference.erp.FinanceSystem;
import com.contactsynchub.setup.MarketingSetup;
import com.contactsynchub.setup.SetupService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Documents from contacts and interactions from documents, over the real broker with the reference contact and
 * finance systems: requests go out as the contact system's users send them, documents are created by the finance
 * system, and interactions land in the contact system's log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class DocumentEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ContactSystem crm;
    @Autowired
    FinanceSystem erp;
    @Autowired
    UserRequests requests;
    @Autowired
    ReferencePublisher publisher;
    @Autowired
    LinkRegistry links;
    @Autowired
    KnownRecords known;
    @Autowired
    Journal journal;
    @Autowired
    SetupService setup;
    @Autowired
    DocumentStore documents;
    @Autowired
    CustomerLinkListener quoteCustomers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    // ---- documents from contacts --------------------------------------------------------------------------------

    @Test
    void aSalesQuoteForAContactThatIsNoCustomerCarriesOnlyTheContact() {
        String company = company("Fabrikam");

        var answer = answerTo(request(company, "salesQuote"));

        assertThat(answer.status()).isEqualTo("completed");
        String documentNo = answer.answer().get("documentNo").asText();
        assertThat(documentNo).startsWith("SQ");
        assertThat(answer.answer().get("documentType").asText()).isEqualTo("salesQuote");
        Document document = erp.document(documentNo).orElseThrow();
        assertThat(document.documentType()).isEqualTo("salesQuote");
        assertThat(document.contactNo()).isEqualTo(company);
        assertThat(document.customerNo()).isNull();
        assertThat(document.vendorNo()).isNull();
        assertThat(document.lines()).hasSize(2);
        assertThat(document.lines().get(0).itemNo()).isEqualTo("1000");
        assertThat(documents.findByDocumentNo(documentNo).orElseThrow().status()).isEqualTo("created");
    }

    @Test
    void aSalesOrderForAPersonIsMadeOutToItsCompanysCustomerAndKeepsThePersonAsContact() {
        String company = company("Contoso");
        String person = person(company, "Anna Contoso");
        String customer = customer("Contoso");
        links.link(company, LinkType.CUSTOMER, customer);

        var answer = answerTo(request(person, "salesOrder"));

        assertThat(answer.status()).isEqualTo("completed");
        String documentNo = answer.answer().get("documentNo").asText();
        assertThat(documentNo).startsWith("SO");
        Document document = erp.document(documentNo).orElseThrow();
        assertThat(document.customerNo()).isEqualTo(customer);
        assertThat(document.contactNo()).isEqualTo(person);
        DocumentRequest stored = documents.findByDocumentNo(documentNo).orElseThrow();
        assertThat(stored.relationHolderNo()).isEqualTo(company);
        assertThat(stored.customerNo()).isEqualTo(customer);
    }

    @Test
    void purchaseQuotesAndOrdersAreMadeOutToTheLinkedVendor() {
        String company = company("Litware");
        String person = person(company, "Ben Litware");
        String vendor = vendor("Litware");
        links.link(company, LinkType.VENDOR, vendor);

        var quote = answerTo(request(company, "purchaseQuote"));
        var order = answerTo(request(person, "purchaseOrder"));

        assertThat(quote.status()).isEqualTo("completed");
        assertThat(order.status()).isEqualTo("completed");
        Document quoteDoc = erp.document(quote.answer().get("documentNo").asText()).orElseThrow();
        Document orderDoc = erp.document(order.answer().get("documentNo").asText()).orElseThrow();
        assertThat(quoteDoc.documentNo()).startsWith("PQ");
        assertThat(quoteDoc.documentType()).isEqualTo("purchaseQuote");
        assertThat(quoteDoc.vendorNo()).isEqualTo(vendor);
        assertThat(quoteDoc.contactNo()).isEqualTo(company);
        assertThat(orderDoc.documentNo()).startsWith("PO");
        assertThat(orderDoc.documentType()).isEqualTo("purchaseOrder");
        assertThat(orderDoc.vendorNo()).isEqualTo(vendor);
        assertThat(orderDoc.contactNo()).isEqualTo(person);
    }

    @Test
    void ordersAndPurchaseDocumentsWithoutTheRelationAreRefusedWithBcsMessage() {
        String company = company("Fabrikam");
        String person = person(company, "Carl Fabrikam");
        String customer = customer("Fabrikam");
        String unrelated = company("Northwind");

        String salesOrder = request(unrelated, "salesOrder");
        assertRejected(salesOrder, "Contact " + unrelated + " Northwind is not related to a customer.");
        assertRejected(request(person, "salesOrder"), "Contact " + person + " Carl Fabrikam is not related to a customer.");
        links.link(company, LinkType.CUSTOMER, customer);
        assertRejected(request(company, "purchaseQuote"), "Contact " + company + " Fabrikam is not related to a vendor.");
        assertRejected(request(person, "purchaseOrder"), "Contact " + person + " Carl Fabrikam is not related to a vendor.");

        assertThat(commandsCausedBy(salesOrder, "document.create")).isZero();
        assertThat(erp.documents()).noneMatch(d -> List.of(company, person, unrelated).contains(d.contactNo()));
        assertThat(journal.forRecord("contact", unrelated, 5)).anyMatch(e -> e.decision().equals("document-refused"));
    }

    @Test
    void privacyBlockedContactsAndPersonsOfBlockedCompaniesAreRefused() {
        String blocked = contact("company", null, true, "Blocked Ltd");
        String blockedCompany = contact("company", null, true, "Blocked Group");
        String person = person(blockedCompany, "Dora Blocked");

        assertRejected(request(blocked, "salesQuote"),
                "You cannot use contact " + blocked + " because they are marked as blocked due to privacy.");
        assertRejected(request(person, "salesQuote"),
                "You cannot use contact " + blockedCompany + " because they are marked as blocked due to privacy.");
    }

    @Test
    void anUnknownContactIsRefusedNamingIt() {
        String unknown = "CTX" + unique();
        assertRejected(request(unknown, "salesQuote"),
                "Contact " + unknown + " is not known to the hub: no event for it has been received.");
    }

    @Test
    void theSameRequestTwiceMakesOneDocument() {
        String company = company("Tailspin");
        ObjectNode body = requestBody(company, "salesQuote");
        ObjectNode message = publisher.compose(ReferenceSystem.CRM, MessageType.DOCUMENT_REQUESTED, null, body);
        String requestId = message.get("messageId").asText();
        String group = "contact:" + company;

        publisher.send(ReferenceSystem.CRM, group, message);
        publisher.send(ReferenceSystem.CRM, group, message);
        // The contact's messages are consumed in order: once this one is answered, both copies were dealt with.
        var marker = answerTo(request(company, "salesQuote"));

        assertThat(marker.status()).isEqualTo("completed");
        assertThat(answerTo(requestId).status()).isEqualTo("completed");
        assertThat(erp.documents().stream().filter(d -> company.equals(d.contactNo()))).hasSize(2);
        assertThat(commandsCausedBy(requestId, "document.create")).isEqualTo(1);
    }

    @Test
    void aDocumentTheFinanceSystemRejectsIsAnsweredWithItsReason() {
        String company = company("Ghost Customer Inc");
        // The hub hears of a customer that the finance system does not have (e.g. deleted since).
        String ghost = "CG" + unique();
        ObjectNode data = JSON.createObjectNode().put("customerNo", ghost).put("contactType", "company");
        data.putObject("fields").put("name", "Ghost");
        publisher.publish(ReferenceSystem.ERP, MessageType.CUSTOMER_CREATED, "customer:" + ghost, 1L, data);
        await().atMost(WAIT).until(() -> known.find(RecordType.CUSTOMER, ghost).isPresent());
        links.link(company, LinkType.CUSTOMER, ghost);

        String requestId = request(company, "salesOrder");

        var answer = answerTo(requestId);
        assertThat(answer.status()).isEqualTo("rejected");
        assertThat(answer.answer().get("reason").asText()).isEqualTo("Customer " + ghost + " does not exist.");
        DocumentRequest stored = documents.find(requestId).orElseThrow();
        assertThat(stored.status()).isEqualTo("rejected");
        assertThat(erp.document(stored.documentNo())).isEmpty();
        assertThat(journal.forRecord("document", stored.documentNo(), 5))
                .anyMatch(e -> e.decision().equals("document-rejected"));
    }

    @Test
    void theAdminApiPublishesTheRequestOntoCrmEventsAndAnswers202() {
        String company = company("Wide World");
        ObjectNode body = requestBody(company, "salesQuote");

        var response = http.postForEntity("/api/documents/requests", body, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String messageId = response.getBody().get("messageId").asText();
        await().atMost(WAIT).until(() -> documents.find(messageId).map(r -> r.status().equals("created"))
                .orElse(false));
        JsonNode status = http.getForObject("/api/documents/requests/" + messageId, JsonNode.class);
        assertThat(status.get("documentNo").asText()).startsWith("SQ");
        assertThat(status.get("contactNo").asText()).isEqualTo(company);
        // The answer went to the contact system like any other answer to a document.requested.
        assertThat(answerTo(messageId).status()).isEqualTo("completed");

        ObjectNode withoutLines = JSON.createObjectNode().put("contactNo", company).put("documentType", "salesQuote");
        var invalid = http.postForEntity("/api/documents/requests", withoutLines, JsonNode.class);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("detail").asText()).contains("lines: is missing");
        var unknownField = http.postForEntity("/api/documents/requests", body.deepCopy().put("customerNo", "C1"),
                JsonNode.class);
        assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownField.getBody().get("detail").asText()).contains("customerNo: not a field");
    }

    // ---- open sales quotes get their customer -------------------------------------------------------------------

    @Test
    void openSalesQuotesOfTheContactAndItsPersonsGetTheNewCustomer() {
        String company = company("Adatum");
        String person = person(company, "Eve Adatum");
        String companyQuote = answerTo(request(company, "salesQuote")).answer().get("documentNo").asText();
        String personQuote = answerTo(request(person, "salesQuote")).answer().get("documentNo").asText();
        String customer = customer("Adatum");
        links.link(company, LinkType.CUSTOMER, customer);
        String causationId = UUID.randomUUID().toString();

        // The linking feature calls the listener in its transaction and sends what it returns.
        List<OutboundCommand> commands = transaction.execute(s -> quoteCustomers.customerLinked(company, customer,
                causationId));
        sendAsTheHubDoes(commands);

        assertThat(commands).hasSize(2).allMatch(c -> c.type() == MessageType.DOCUMENT_UPDATE);
        await().atMost(WAIT).until(() -> customer.equals(erp.document(companyQuote).orElseThrow().customerNo())
                && customer.equals(erp.document(personQuote).orElseThrow().customerNo()));
        await().atMost(WAIT).until(() -> journal.forRecord("document", personQuote, 10).stream()
                .anyMatch(e -> e.decision().equals("quote-customer-applied")));
        assertThat(documents.findByDocumentNo(companyQuote).orElseThrow().customerNo()).isEqualTo(customer);
        // Told again (e.g. a redelivered link event), nothing is left to give a customer.
        List<OutboundCommand> again = transaction.execute(s -> quoteCustomers.customerLinked(company, customer,
                causationId));
        assertThat(again).isEmpty();
    }

    // ---- interactions from documents ----------------------------------------------------------------------------

    @Test
    void aPrintedDocumentIsLoggedOnTheCompanyAndAnEmailedOneOnTheNamedPerson() {
        String company = company("Coho");
        String person = person(company, "Finn Coho");
        String customer = customer("Coho");
        links.link(company, LinkType.CUSTOMER, customer);
        String documentNo = answerTo(request(company, "salesOrder")).answer().get("documentNo").asText();

        erp.output(documentNo, MessageType.DOCUMENT_PRINTED, null, null);
        erp.output(documentNo, MessageType.DOCUMENT_EMAILED, person, null);

        await().atMost(WAIT).until(() -> crm.interactions(company).size() == 1 && crm.interactions(person).size() == 1);
        Interaction printed = crm.interactions(company).get(0);
        assertThat(printed.templateCode()).isEqualTo("SORDER");
        assertThat(printed.description()).isEqualTo("Sales Order " + documentNo + " printed");
        assertThat(printed.documentType()).isEqualTo("salesOrder");
        assertThat(printed.documentNo()).isEqualTo(documentNo);
        Interaction emailed = crm.interactions(person).get(0);
        assertThat(emailed.templateCode()).isEqualTo("SORDER");
        assertThat(emailed.description()).isEqualTo("Sales Order " + documentNo + " e-mailed");
        assertThat(journal.forRecord("document", documentNo, 10).stream()
                .filter(e -> e.decision().equals("interaction-logged"))).hasSize(2);
        await().atMost(WAIT).until(() -> documents.interactionsOf(documentNo).stream()
                .allMatch(i -> i.status().equals("applied")));
    }

    @Test
    void aVendorsDocumentIsLoggedOnTheVendorsContact() {
        String company = company("Proseware");
        String vendor = vendor("Proseware");
        links.link(company, LinkType.VENDOR, vendor);
        String documentNo = answerTo(request(company, "purchaseOrder")).answer().get("documentNo").asText();

        erp.output(documentNo, MessageType.DOCUMENT_EMAILED, null, "Order sent to Proseware");

        await().atMost(WAIT).until(() -> crm.interactions(company).size() == 1);
        Interaction interaction = crm.interactions(company).get(0);
        assertThat(interaction.templateCode()).isEqualTo("PORDER");
        assertThat(interaction.description()).isEqualTo("Order sent to Proseware");
    }

    @Test
    void withoutATemplateForTheTypeNothingIsLoggedAndTheJournalSaysWhy() {
        String company = company("Lucerne");
        String vendor = vendor("Lucerne");
        String customer = customer("Lucerne");
        links.link(company, LinkType.VENDOR, vendor);
        links.link(company, LinkType.CUSTOMER, customer);
        // No template is set up for purchase quotes.
        String quote = answerTo(request(company, "purchaseQuote")).answer().get("documentNo").asText();
        String printedId = erp.output(quote, MessageType.DOCUMENT_PRINTED, null, null);

        JournalEntry skipped = awaitJournal(quote, "interaction-skipped");
        assertThat(skipped.detail()).isEqualTo("No interaction template is set up for document type purchaseQuote"
                + " (Marketing Setup, interaction templates): nothing is logged for Purchase Quote " + quote
                + " printed.");
        assertThat(commandsCausedBy(printedId, "interaction.record")).isZero();

        // Sales orders have one by default; take it away for a while.
        String order = answerTo(request(company, "salesOrder")).answer().get("documentNo").asText();
        MarketingSetup original = setup.current();
        Map<String, String> templates = new HashMap<>(original.interactionTemplates());
        templates.remove("salesOrder");
        try {
            setup.replace(new MarketingSetup(original.busRelCodeForCustomers(), original.busRelCodeForVendors(),
                    original.busRelCodeForBankAccounts(), original.contactNos(), original.customerNos(),
                    original.vendorNos(), original.bankAccountNos(), original.customerTemplates(),
                    original.vendorTemplates(), templates, original.conflictPolicy(), null));
            String emailedId = erp.output(order, MessageType.DOCUMENT_EMAILED, null, null);
            assertThat(awaitJournal(order, "interaction-skipped").detail())
                    .contains("No interaction template is set up for document type salesOrder");
            assertThat(commandsCausedBy(emailedId, "interaction.record")).isZero();
        } finally {
            setup.replace(original);
        }
        assertThat(crm.interactions(company)).isEmpty();
    }

    @Test
    void aDocumentOfAnUnlinkedCustomerIsNotLoggedAndTheJournalNamesTheMissingLink() {
        String customer = customer("Unlinked Corp");
        String documentNo = "SI" + unique();
        ObjectNode data = JSON.createObjectNode().put("documentNo", documentNo).put("documentType", "salesInvoice")
                .put("customerNo", customer);
        String printedId = publisher.publish(ReferenceSystem.ERP, MessageType.DOCUMENT_PRINTED,
                "document:" + documentNo, null, data);

        assertThat(awaitJournal(documentNo, "interaction-skipped").detail()).isEqualTo("Customer " + customer
                + " of Sales Invoice " + documentNo + " is not linked to a contact: nothing is logged.");
        assertThat(commandsCausedBy(printedId, "interaction.record")).isZero();
    }

    @Test
    void theSameReportTwiceLogsOneInteraction() {
        String company = company("Alpine");
        String customer = customer("Alpine");
        links.link(company, LinkType.CUSTOMER, customer);
        String documentNo = "SI" + unique();
        ObjectNode data = JSON.createObjectNode().put("documentNo", documentNo).put("documentType", "salesInvoice")
                .put("customerNo", customer);
        ObjectNode printed = publisher.compose(ReferenceSystem.ERP, MessageType.DOCUMENT_PRINTED, null, data);
        String group = "document:" + documentNo;

        publisher.send(ReferenceSystem.ERP, group, printed);
        publisher.send(ReferenceSystem.ERP, group, printed);
        // One document's reports are consumed in order: once this one is logged, both copies were dealt with.
        publisher.publish(ReferenceSystem.ERP, MessageType.DOCUMENT_EMAILED, group, null, data.deepCopy());

        await().atMost(WAIT).until(() -> crm.interactions(company).stream()
                .anyMatch(i -> i.description().endsWith("e-mailed")));
        await().atMost(WAIT).until(() -> crm.interactions(company).size() >= 2);
        assertThat(crm.interactions(company)).extracting(Interaction::description).containsExactlyInAnyOrder(
                "Sales Invoice " + documentNo + " printed", "Sales Invoice " + documentNo + " e-mailed");
        assertThat(commandsCausedBy(printed.get("messageId").asText(), "interaction.record")).isEqualTo(1);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String company(String name) {
        return contact("company", null, false, name);
    }

    private String person(String companyNo, String name) {
        return contact("person", companyNo, false, name);
    }

    private String contact(String type, String companyNo, boolean privacyBlocked, String name) {
        String no = "CT" + unique();
        crm.create(no, type, companyNo, privacyBlocked, Map.of(CommonField.NAME, name));
        await().atMost(WAIT).until(() -> known.find(RecordType.CONTACT, no).isPresent());
        return no;
    }

    private String customer(String name) {
        return financeRecord(FinanceKind.CUSTOMER, "C" + unique(), name);
    }

    private String vendor(String name) {
        return financeRecord(FinanceKind.VENDOR, "V" + unique(), name);
    }

    private String financeRecord(FinanceKind kind, String no, String name) {
        erp.create(kind, no, "company", Map.of(CommonField.NAME, name), Map.of());
        await().atMost(WAIT).until(() -> known.find(kind.recordType(), no).isPresent());
        return no;
    }

    private static ObjectNode requestBody(String contactNo, String documentType) {
        ObjectNode body = JSON.createObjectNode().put("contactNo", contactNo).put("documentType", documentType);
        var lines = body.putArray("lines");
        lines.addObject().put("itemNo", "1000").put("quantity", 2).put("unitPrice", 10.5);
        lines.addObject().put("description", "Installation").put("quantity", 1);
        return body;
    }

    /** Sends the request as a user of the contact system does; returns its messageId. */
    private String request(String contactNo, String documentType) {
        ObjectNode body = requestBody(contactNo, documentType);
        body.put("type", "document.requested");
        return requests.send(body);
    }

    private UserRequests.RequestStatus answerTo(String requestId) {
        await().atMost(WAIT).until(() -> {
            try {
                return !requests.status(requestId).status().equals("pending");
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return requests.status(requestId);
    }

    private void assertRejected(String requestId, String reason) {
        var answer = answerTo(requestId);
        assertThat(answer.status()).isEqualTo("rejected");
        assertThat(answer.answer().get("reason").asText()).isEqualTo(reason);
        assertThat(documents.find(requestId).orElseThrow().reason()).isEqualTo(reason);
    }

    private JournalEntry awaitJournal(String documentNo, String decision) {
        await().atMost(WAIT).until(() -> journal.forRecord("document", documentNo, 20).stream()
                .anyMatch(e -> e.decision().equals(decision)));
        return journal.forRecord("document", documentNo, 20).stream().filter(e -> e.decision().equals(decision))
                .findFirst().orElseThrow();
    }

    private int commandsCausedBy(String causationId, String type) {
        return jdbc.queryForObject("select count(*) from outbound_command where causation_id = :id and type = :type",
                new MapSqlParameterSource("id", causationId).addValue("type", type), Integer.class);
    }

    /** What the event routes do with the commands a handler returned: JSON text, message group, duplicate id. */
    private void sendAsTheHubDoes(List<OutboundCommand> commands) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        for (OutboundCommand command : commands) {
            jms.send(command.channel().queueName(queues), session -> {
                var message = session.createTextMessage(command.body().toString());
                message.setStringProperty(HubHeaders.GROUP_ID, command.groupId());
                message.setStringProperty(HubHeaders.DUPLICATE_ID, command.commandId());
                return message;
            });
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
