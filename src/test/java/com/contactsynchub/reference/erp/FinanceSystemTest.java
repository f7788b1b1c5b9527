package com.contactsynchub.reference.erp;

import com.contactsynchub.support.DemoEndToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.reference.HubCommands;
import com.contactsynchub.reference.HubRoutes;
import com.contactsynchub.reference.PublishedEvents;
import com.contactsynchub.reference.PublishedEvents.Published;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reference finance system end to end over the embedded broker: the hub's commands and REST calls in, events
 * and acknowledgements out on erp.events (read here with the hub's erp-events route stopped).
 */
@DemoEndToEnd
class FinanceSystemTest {

    @Autowired TestRestTemplate rest;
    @Autowired CamelContext camel;
    @Autowired ConnectionFactory connectionFactory;
    @Autowired QueueNames queues;
    @Autowired MessageValidator validator;
    @Autowired ObjectMapper mapper;

    PublishedEvents events;
    HubCommands hub;

    @BeforeEach
    void readErpEventsInsteadOfTheHub() throws Exception {
        HubRoutes.stop(camel, "erp-events");
        events = new PublishedEvents(connectionFactory, queues, Channel.ERP_EVENTS, validator);
        events.drain();
        hub = new HubCommands(connectionFactory, queues);
    }

    @AfterEach
    void giveTheQueueBackToTheHub() throws Exception {
        HubRoutes.start(camel, "erp-events");
    }

    @Test
    void customerCreateAppliesFieldsThenTemplateAndKeepsFinanceFieldsOutOfTheEvent() {
        ObjectNode command = HubCommands.command("customer.create").put("customerNo", "C00010").put("contactType", "person");
        command.putObject("fields").put("name", "Kim Abercrombie").put("city", "Seattle").put("countryRegionCode", "US");
        command.putObject("templateFields").put("customerPostingGroup", "DOMESTIC").put("paymentTermsCode", "14 DAYS")
                .put("countryRegionCode", "CA");
        hub.send(Channel.ERP_COMMANDS, command);

        Published created = events.next("customer.created");
        assertThat(created.text("customerNo")).isEqualTo("C00010");
        assertThat(created.text("contactType")).isEqualTo("person");
        assertThat(created.message().version()).isEqualTo(1L);
        assertThat(created.groupId()).isEqualTo("customer:C00010");
        assertThat(created.field("countryRegionCode")).as("the template wins").isEqualTo("CA");
        assertThat(created.message().body().get("fields").has("customerPostingGroup")).isFalse();
        Published ack = events.next("command.acknowledged");
        assertThat(ack.text("status")).isEqualTo("applied");
        assertThat(ack.text("recordNo")).isEqualTo("C00010");
        assertThat(ack.text("commandId")).isEqualTo(command.get("commandId").asText());

        JsonNode customer = rest.getForObject("/reference/erp/customers/C00010", JsonNode.class);
        assertThat(customer.at("/finance/customerPostingGroup").asText()).isEqualTo("DOMESTIC");
        assertThat(customer.at("/finance/paymentTermsCode").asText()).isEqualTo("14 DAYS");

        hub.send(Channel.ERP_COMMANDS, HubCommands.command("customer.create").put("customerNo", "C00010")
                .set("fields", HubCommands.object().put("name", "Again")));
        Published refused = events.next("command.acknowledged");
        assertThat(refused.text("status")).isEqualTo("rejected");
        assertThat(refused.text("reason")).isEqualTo("Customer C00010 already exists.");
    }

    @Test
    void vendorUpdateAppliesOnlyTheGivenFieldsAndEchoesTheFullRecord() {
        rest.postForEntity("/reference/erp/vendors", json("""
                {"vendorNo":"V00010","fields":{"name":"Fabrikam","city":"Atlanta","phoneNo":"1"},"finance":{"vendorPostingGroup":"DOMESTIC"}}"""),
                JsonNode.class);
        assertThat(events.next("vendor.created").message().version()).isEqualTo(1L);

        ObjectNode update = HubCommands.command("vendor.update").put("vendorNo", "V00010");
        update.putObject("fields").put("phoneNo", "+1 404 555 0100");
        hub.send(Channel.ERP_COMMANDS, update);

        Published echo = events.next("vendor.changed");
        assertThat(echo.message().version()).isEqualTo(2L);
        assertThat(echo.field("phoneNo")).isEqualTo("+1 404 555 0100");
        assertThat(echo.field("city")).isEqualTo("Atlanta");
        assertThat(events.next("command.acknowledged").text("status")).isEqualTo("applied");

        ObjectNode unknown = HubCommands.command("vendor.update").put("vendorNo", "V99999");
        unknown.putObject("fields").put("name", "x");
        hub.send(Channel.ERP_COMMANDS, unknown);
        Published rejected = events.next("command.acknowledged");
        assertThat(rejected.text("status")).isEqualTo("rejected");
        assertThat(rejected.text("reason")).isEqualTo("Vendor V99999 does not exist.");
    }

    @Test
    void bankAccountCreateAndEditsThroughTheApi() {
        ObjectNode command = HubCommands.command("bankAccount.create").put("bankAccountNo", "B00010");
        command.putObject("fields").put("name", "Contoso Bank").put("postCode", "wa 98052");
        command.putObject("templateFields").put("iban", "GB29NWBK60161331926819");
        hub.send(Channel.ERP_COMMANDS, command);
        Published created = events.next("bankAccount.created");
        assertThat(created.field("postCode")).isEqualTo("WA 98052");
        assertThat(created.message().body().get("fields").has("vatRegistrationNo")).isFalse();
        assertThat(events.next("command.acknowledged").text("recordNo")).isEqualTo("B00010");

        JsonNode patched = rest.patchForObject("/reference/erp/bank-accounts/B00010",
                json("{\"fields\":{\"email\":\"ops@contoso.example\"},\"finance\":{\"swiftCode\":\"NWBKGB2L\"}}"), JsonNode.class);
        assertThat(patched.at("/finance/iban").asText()).isEqualTo("GB29NWBK60161331926819");
        Published changed = events.next("bankAccount.changed");
        assertThat(changed.message().version()).isEqualTo(2L);
        assertThat(changed.field("email")).isEqualTo("ops@contoso.example");

        var generated = rest.postForEntity("/reference/erp/customers", json("{\"fields\":{\"name\":\"Walk-in\"}}"), JsonNode.class);
        assertThat(generated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String no = generated.getBody().get("customerNo").asText();
        assertThat(no).matches("CUST-\\d{4}");
        assertThat(events.next("customer.created").text("contactType")).isEqualTo("company");

        rest.delete("/reference/erp/customers/" + no);
        Published deleted = events.next("customer.deleted");
        assertThat(deleted.text("customerNo")).isEqualTo(no);
        assertThat(deleted.message().version()).isEqualTo(2L);
    }

    @Test
    void documentCreateStoresTheDocumentAndPrintingOrEmailingItIsPublished() {
        rest.postForEntity("/reference/erp/customers", json("{\"customerNo\":\"C00020\",\"fields\":{\"name\":\"Adatum\"}}"),
                JsonNode.class);
        events.next("customer.created");

        ObjectNode command = HubCommands.command("document.create").put("documentNo", "SO1001")
                .put("documentType", "salesOrder").put("customerNo", "C00020").put("contactNo", "CT000021");
        command.putArray("lines").add(HubCommands.object().put("itemNo", "1896-S").put("quantity", 2).put("unitPrice", 12.5))
                .add(HubCommands.object().put("description", "Installation").put("quantity", 1));
        hub.send(Channel.ERP_COMMANDS, command);
        Published ack = events.next("command.acknowledged");
        assertThat(ack.text("status")).isEqualTo("applied");
        assertThat(ack.text("recordNo")).isEqualTo("SO1001");

        JsonNode document = rest.getForObject("/reference/erp/documents/SO1001", JsonNode.class);
        assertThat(document.get("customerNo").asText()).isEqualTo("C00020");
        assertThat(document.get("lines")).hasSize(2);

        var print = rest.postForEntity("/reference/erp/documents/SO1001/print", json("{}"), JsonNode.class);
        assertThat(print.getStatusCode()).as(String.valueOf(print.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        Published printed = events.next("document.printed");
        assertThat(printed.text("documentNo")).isEqualTo("SO1001");
        assertThat(printed.text("documentType")).isEqualTo("salesOrder");
        assertThat(printed.text("customerNo")).isEqualTo("C00020");
        assertThat(printed.text("contactNo")).isEqualTo("CT000021");

        rest.postForEntity("/reference/erp/documents/SO1001/email", json("{\"contactNo\":\"CT000022\"}"), JsonNode.class);
        Published emailed = events.next("document.emailed");
        assertThat(emailed.text("contactNo")).isEqualTo("CT000022");

        ObjectNode forUnknownVendor = HubCommands.command("document.create").put("documentNo", "PO1001")
                .put("documentType", "purchaseOrder").put("vendorNo", "V404").put("contactNo", "CT000021");
        forUnknownVendor.putArray("lines").add(HubCommands.object().put("description", "Paper").put("quantity", 5));
        hub.send(Channel.ERP_COMMANDS, forUnknownVendor);
        Published rejected = events.next("command.acknowledged");
        assertThat(rejected.text("status")).isEqualTo("rejected");
        assertThat(rejected.text("reason")).isEqualTo("Vendor V404 does not exist.");
        assertThat(rest.getForEntity("/reference/erp/documents/PO1001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aCommandThatIsNotJsonIsRejectedWithTheBrokersDuplicateId() {
        hub.sendText(Channel.ERP_COMMANDS, "customer.create C00030");
        Published rejected = events.next("command.acknowledged");
        assertThat(rejected.text("status")).isEqualTo("rejected");
        assertThat(rejected.text("reason")).startsWith("the command is invalid: the message is not valid JSON");
        assertThat(rejected.text("commandId")).isNotBlank();
    }

    private ObjectNode json(String text) {
        try {
            return (ObjectNode) mapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
