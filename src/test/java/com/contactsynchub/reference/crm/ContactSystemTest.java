package com.contactsynchub.reference.crm;

import com.contactsynchub.support.DemoEndToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

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
 * The reference contact system end to end over the embedded broker: REST calls and the hub's commands in, events
 * and acknowledgements out on crm.events (read here with the hub's crm-events route stopped).
 */
@DemoEndToEnd
class ContactSystemTest {

    @Autowired TestRestTemplate rest;
    @Autowired CamelContext camel;
    @Autowired ConnectionFactory connectionFactory;
    @Autowired QueueNames queues;
    @Autowired MessageValidator validator;
    @Autowired ObjectMapper mapper;

    PublishedEvents events;
    HubCommands hub;

    @BeforeEach
    void readCrmEventsInsteadOfTheHub() throws Exception {
        HubRoutes.stop(camel, "crm-events");
        events = new PublishedEvents(connectionFactory, queues, Channel.CRM_EVENTS, validator);
        events.drain();
        hub = new HubCommands(connectionFactory, queues);
    }

    @AfterEach
    void giveTheQueueBackToTheHub() throws Exception {
        HubRoutes.start(camel, "crm-events");
    }

    @Test
    void aContactCreatedThroughTheApiIsPublishedAsContactCreated() {
        var created = rest.postForEntity("/reference/crm/contacts", json("""
                {"contactType":"company","fields":{"name":"Fabrikam Inc.","city":"Seattle","countryRegionCode":" us ",
                 "email":"info@fabrikam.example"}}"""), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String no = created.getBody().get("contactNo").asText();
        assertThat(no).matches("CRM-\\d{4}");
        Published event = events.next("contact.created");
        assertThat(event.text("contactNo")).isEqualTo(no);
        assertThat(event.text("contactType")).isEqualTo("company");
        assertThat(event.text("source")).isEqualTo("crm");
        assertThat(event.message().version()).isEqualTo(1L);
        assertThat(event.groupId()).isEqualTo("contact:" + no);
        assertThat(event.field("name")).isEqualTo("Fabrikam Inc.");
        assertThat(event.field("countryRegionCode")).as("a Code is stored upper-case").isEqualTo("US");
        assertThat(event.message().body().get("fields").has("salespersonCode")).as("all fields, also empty ones").isTrue();
        assertThat(event.message().body().get("fields").get("salespersonCode").isNull()).isTrue();
    }

    @Test
    void editsThroughTheApiPublishChangedWithTheFullRecordAndDeletedWithRisingVersions() {
        rest.postForEntity("/reference/crm/contacts", json("""
                {"contactNo":"CT-API-1","contactType":"company","fields":{"name":"Contoso","city":"Oslo"}}"""), JsonNode.class);
        rest.postForEntity("/reference/crm/contacts", json("""
                {"contactNo":"CT-API-2","contactType":"person","companyNo":"CT-API-1","fields":{"name":"Ann Lee"}}"""), JsonNode.class);
        events.next("contact.created");
        Published person = events.next("contact.created");
        assertThat(person.text("companyNo")).isEqualTo("CT-API-1");

        JsonNode patched = rest.patchForObject("/reference/crm/contacts/CT-API-1",
                json("{\"fields\":{\"phoneNo\":\"+47 1234\"},\"privacyBlocked\":true}"), JsonNode.class);
        assertThat(patched.get("version").asLong()).isEqualTo(2);

        Published changed = events.next("contact.changed");
        assertThat(changed.message().version()).isEqualTo(2L);
        assertThat(changed.field("phoneNo")).isEqualTo("+47 1234");
        assertThat(changed.field("city")).as("the full record, not only what changed").isEqualTo("Oslo");
        assertThat(changed.message().body().get("privacyBlocked").asBoolean()).isTrue();

        rest.delete("/reference/crm/contacts/CT-API-1");
        Published deleted = events.next("contact.deleted");
        assertThat(deleted.text("contactNo")).isEqualTo("CT-API-1");
        assertThat(deleted.message().version()).isEqualTo(3L);
        assertThat(rest.getForEntity("/reference/crm/contacts/CT-API-1", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theApiRefusesBadInputWithoutPublishing() {
        var tooLong = rest.postForEntity("/reference/crm/contacts",
                json("{\"fields\":{\"name\":\"" + "x".repeat(101) + "\"}}"), JsonNode.class);
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().get("detail").asText()).isEqualTo("fields.name: 101 characters, the limit is 100");

        rest.postForEntity("/reference/crm/contacts", json("{\"contactNo\":\"CT-DUP\",\"fields\":{}}"), JsonNode.class);
        events.next("contact.created");
        var duplicate = rest.postForEntity("/reference/crm/contacts", json("{\"contactNo\":\"CT-DUP\"}"), JsonNode.class);
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        var typeChange = rest.exchange("/reference/crm/contacts/CT-DUP", org.springframework.http.HttpMethod.PATCH,
                new org.springframework.http.HttpEntity<>(json("{\"contactType\":\"person\"}")), JsonNode.class);
        assertThat(typeChange.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        events.assertNothingMore();
    }

    @Test
    void contactCreateFromTheHubCreatesPublishesAndAcknowledges() {
        ObjectNode command = HubCommands.command("contact.create").put("contactNo", "CT000001").put("contactType", "person");
        command.putObject("fields").put("name", "Kim Abercrombie").put("email", "kim@contoso.example");
        hub.send(Channel.CRM_COMMANDS, command);

        Published created = events.next("contact.created");
        assertThat(created.text("contactNo")).isEqualTo("CT000001");
        assertThat(created.text("contactType")).isEqualTo("person");
        Published ack = events.next("command.acknowledged");
        assertThat(ack.text("commandId")).isEqualTo(command.get("commandId").asText());
        assertThat(ack.text("status")).isEqualTo("applied");
        assertThat(ack.text("recordNo")).isEqualTo("CT000001");
        assertThat(ack.groupId()).isEqualTo("contact:CT000001");
    }

    @Test
    void contactUpdateFromTheHubChangesOnlyTheGivenFieldsAndEchoesTheFullRecord() {
        rest.postForEntity("/reference/crm/contacts", json("""
                {"contactNo":"CT000100","contactType":"company","fields":{"name":"Adatum","city":"Berlin","phoneNo":"1"}}"""),
                JsonNode.class);
        events.next("contact.created");

        ObjectNode command = HubCommands.command("contact.update").put("contactNo", "CT000100")
                .put("contactType", "person"); // not part of an update; must not change the type
        command.putObject("fields").put("city", "Hamburg").putNull("phoneNo");
        hub.send(Channel.CRM_COMMANDS, command);

        Published echo = events.next("contact.changed");
        assertThat(echo.message().version()).isEqualTo(2L);
        assertThat(echo.field("city")).isEqualTo("Hamburg");
        assertThat(echo.field("phoneNo")).isNull();
        assertThat(echo.field("name")).isEqualTo("Adatum");
        assertThat(echo.text("contactType")).isEqualTo("company");
        Published ack = events.next("command.acknowledged");
        assertThat(ack.text("status")).isEqualTo("applied");
        assertThat(ack.text("recordNo")).isEqualTo("CT000100");

        JsonNode contact = rest.getForObject("/reference/crm/contacts/CT000100", JsonNode.class);
        assertThat(contact.at("/fields/city").asText()).isEqualTo("Hamburg");
        assertThat(contact.get("contactType").asText()).isEqualTo("company");
        assertThat(contact.get("version").asLong()).isEqualTo(2);

        // the same command again (same commandId): acknowledged again, not applied twice
        hub.send(Channel.CRM_COMMANDS, command.put("messageId", java.util.UUID.randomUUID().toString()));
        Published again = events.next("command.acknowledged");
        assertThat(again.text("commandId")).isEqualTo(command.get("commandId").asText());
        assertThat(again.text("status")).isEqualTo("applied");
        assertThat(rest.getForObject("/reference/crm/contacts/CT000100", JsonNode.class).get("version").asLong())
                .isEqualTo(2);
    }

    @Test
    void commandsForAnUnknownContactOrThatCannotBeReadAreRejectedAndTheListenerCarriesOn() {
        ObjectNode update = HubCommands.command("contact.update").put("contactNo", "CT999999");
        update.putObject("fields").put("name", "Nobody");
        hub.send(Channel.CRM_COMMANDS, update);
        Published rejected = events.next("command.acknowledged");
        assertThat(rejected.text("status")).isEqualTo("rejected");
        assertThat(rejected.text("reason")).isEqualTo("Contact CT999999 does not exist.");
        assertThat(rejected.text("recordNo")).isEqualTo("CT999999");

        hub.sendText(Channel.CRM_COMMANDS, "{ this is not JSON");
        Published notJson = events.next("command.acknowledged");
        assertThat(notJson.text("status")).isEqualTo("rejected");
        assertThat(notJson.text("reason")).startsWith("the command is invalid: the message is not valid JSON");

        ObjectNode tooLong = HubCommands.command("contact.update").put("contactNo", "CT000100");
        tooLong.putObject("fields").put("name", "x".repeat(101));
        hub.send(Channel.CRM_COMMANDS, tooLong);
        Published invalid = events.next("command.acknowledged");
        assertThat(invalid.text("commandId")).isEqualTo(tooLong.get("commandId").asText());
        assertThat(invalid.text("reason")).contains("fields.name: 101 characters, the limit is 100");

        ObjectNode interaction = HubCommands.command("interaction.record").put("contactNo", "CT999998")
                .put("templateCode", "ABSTRACT").put("documentType", "salesOrder").put("documentNo", "SO1001");
        hub.send(Channel.CRM_COMMANDS, interaction);
        assertThat(events.next("command.acknowledged").text("reason")).isEqualTo("Contact CT999998 does not exist.");

        // and the listener still works
        ObjectNode create = HubCommands.command("contact.create").put("contactNo", "CT000200").put("contactType", "company");
        create.putObject("fields").put("name", "Still here");
        hub.send(Channel.CRM_COMMANDS, create);
        events.next("contact.created");
        assertThat(events.next("command.acknowledged").text("status")).isEqualTo("applied");
    }

    @Test
    void interactionsAreLoggedOnTheContact() {
        rest.postForEntity("/reference/crm/contacts", json("{\"contactNo\":\"CT000300\",\"fields\":{\"name\":\"Litware\"}}"),
                JsonNode.class);
        events.next("contact.created");

        ObjectNode interaction = HubCommands.command("interaction.record").put("contactNo", "CT000300")
                .put("templateCode", "SALES-ORD").put("description", "Order SO1001 e-mailed")
                .put("documentType", "salesOrder").put("documentNo", "SO1001");
        hub.send(Channel.CRM_COMMANDS, interaction);
        assertThat(events.next("command.acknowledged").text("status")).isEqualTo("applied");

        JsonNode log = rest.getForObject("/reference/crm/contacts/CT000300/interactions", JsonNode.class);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("templateCode").asText()).isEqualTo("SALES-ORD");
        assertThat(log.get(0).get("documentNo").asText()).isEqualTo("SO1001");
    }

    @Test
    void aUserRequestIsPublishedAndItsAnswerKept() {
        var sent = rest.postForEntity("/reference/crm/requests", json("""
                {"type":"link.requested","contactNo":"CT000400","linkType":"customer","recordNo":"C00010","master":"contact"}"""),
                JsonNode.class);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String requestId = sent.getBody().get("messageId").asText();

        Published request = events.next("link.requested");
        assertThat(request.message().messageId()).isEqualTo(requestId);
        assertThat(request.groupId()).isEqualTo("contact:CT000400");
        assertThat(rest.getForObject("/reference/crm/requests/" + requestId, JsonNode.class).get("status").asText())
                .isEqualTo("pending");

        ObjectNode answer = HubCommands.command("request.rejected").put("requestId", requestId)
                .put("requestType", "link.requested").put("contactNo", "CT000400")
                .put("reason", "Contact CT000400 already has a Customer with No. C00020.");
        hub.send(Channel.CRM_COMMANDS, answer);
        assertThat(events.next("command.acknowledged").text("status")).isEqualTo("applied");

        JsonNode status = rest.getForObject("/reference/crm/requests/" + requestId, JsonNode.class);
        assertThat(status.get("status").asText()).isEqualTo("rejected");
        assertThat(status.at("/answer/reason").asText()).isEqualTo("Contact CT000400 already has a Customer with No. C00020.");

        var invalid = rest.postForEntity("/reference/crm/requests", json("""
                {"type":"link.requested","contactNo":"CT000400","linkType":"partner"}"""), JsonNode.class);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        events.assertNothingMore();
    }

    @Test
    void concurrentCommandsForOneContactEachGetTheirOwnVersion() {
        rest.postForEntity("/reference/crm/contacts", json("{\"contactNo\":\"CT000500\",\"fields\":{\"name\":\"Tailspin\"}}"),
                JsonNode.class);
        events.next("contact.created");
        int updates = 6;
        for (int i = 0; i < updates; i++) {
            ObjectNode command = HubCommands.command("contact.update").put("contactNo", "CT000500");
            command.putObject("fields").put("phoneNo", "555-" + i);
            hub.send(Channel.CRM_COMMANDS, command);
        }
        var versions = new java.util.TreeSet<Long>();
        for (int i = 0; i < updates * 2; i++) {
            Published published = events.next();
            if (published.message().type().wireName().equals("contact.changed")) {
                versions.add(published.message().version());
            }
        }
        assertThat(versions).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                rest.getForObject("/reference/crm/contacts/CT000500", JsonNode.class).get("version").asLong()).isEqualTo(7));
    }

    private ObjectNode json(String text) {
        try {
            return (ObjectNode) mapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
