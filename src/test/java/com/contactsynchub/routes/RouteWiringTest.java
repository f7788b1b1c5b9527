package com.contactsynchub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.command.CommandFactory;
import com.contactsynchub.command.CommandOutbox;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.intake.IntakeEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The wiring of the routes an operator reads in Hawtio, by route and step id, with Camel's test support: the JMS
 * consumers and producers are replaced (advice by id) so that each route's branches are seen on mock endpoints,
 * and {@link NotifyBuilder} waits for the relay instead of a fixed time. The routes run as started; advice
 * replaces them in the running context. What the steps decide is tested in the
 * plain Java classes and end to end elsewhere; here: which message takes which branch.
 */
@SpringBootTest
@ActiveProfiles("test")
// The advice changes the routes of this context: no other test class may get it from Spring's context cache.
@org.springframework.test.annotation.DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteWiringTest {

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    CommandOutbox outbox;
    @Autowired
    CommandFactory commands;
    @Autowired
    TransactionTemplate transaction;

    JMSContext jms;

    @BeforeEach
    void adviseAndStartOnce() throws Exception {
        if (jms != null) {
            return;
        }
        AdviceWith.adviceWith(camel, "crm-events", route -> {
            route.replaceFromWith("direct:crm-events");
            route.weaveById("crm-to-invalid").replace().to("mock:hub-invalid");
            route.weaveById("crm-apply").replace().to("mock:apply-event");
        });
        AdviceWith.adviceWith(camel, "send-commands", route -> {
            route.weaveById("to-crm-commands").replace().to("mock:crm-commands");
            route.weaveById("to-erp-commands").replace().to("mock:erp-commands");
        });
        jms = connectionFactory.createContext();
    }

    @AfterAll
    void close() {
        jms.close();
    }

    @Test
    void aValidEventGoesToApplyEventAndAnInvalidOneOrANonTextOneToHubInvalidWithItsReason() throws Exception {
        MockEndpoint apply = camel.getEndpoint("mock:apply-event", MockEndpoint.class);
        MockEndpoint invalid = camel.getEndpoint("mock:hub-invalid", MockEndpoint.class);
        apply.reset();
        invalid.reset();
        apply.expectedMessageCount(1);
        invalid.expectedMessageCount(2);

        String messageId = UUID.randomUUID().toString();
        TextMessage valid = jms.createTextMessage("""
                {"messageId":"%s","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"CT-WIRING","fields":{"city":"Leeds"}}""".formatted(messageId));
        producer.sendBody("direct:crm-events", valid);
        producer.sendBody("direct:crm-events", jms.createTextMessage("{\"messageId\": "));
        BytesMessage bytes = jms.createBytesMessage();
        bytes.writeBytes(new byte[] {1, 2, 3});
        producer.sendBody("direct:crm-events", bytes);

        MockEndpoint.assertIsSatisfied(10, TimeUnit.SECONDS, apply, invalid);
        IntakeEvent applied = apply.getExchanges().get(0).getMessage().getBody(IntakeEvent.class);
        assertThat(applied.message().messageId()).isEqualTo(messageId);
        List<String> reasons = invalid.getExchanges().stream()
                .map(e -> e.getMessage().getHeader("hubInvalidReason", String.class)).toList();
        assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("the message is not valid JSON"))
                .contains("only JSON text messages are accepted (this is a BytesMessage)");
    }

    @Test
    void theRelaySendsEachStoredCommandToItsSystemsQueueWithGroupAndDuplicateId() {
        MockEndpoint crm = camel.getEndpoint("mock:crm-commands", MockEndpoint.class);
        MockEndpoint erp = camel.getEndpoint("mock:erp-commands", MockEndpoint.class);
        crm.reset();
        erp.reset();
        String cause = UUID.randomUUID().toString();
        OutboundCommand toContact = commands.create(cause, MessageType.CONTACT_UPDATE, "contact:CT-RELAY",
                "contactNo", "CT-RELAY", fields("city", "Leeds"));
        OutboundCommand toCustomer = commands.create(cause, MessageType.CUSTOMER_UPDATE, "customer:C-RELAY",
                "customerNo", "C-RELAY", fields("city", "Leeds"));
        // A relay round that sent something and committed (the poll's empty rounds do not count).
        NotifyBuilder relayed = new NotifyBuilder(camel).fromRoute("command-relay").wereSentTo("mock:erp-commands")
                .whenCompleted(1).create();

        transaction.executeWithoutResult(status -> outbox.saveAll(List.of(toContact, toCustomer)));

        assertThat(relayed.matches(10, TimeUnit.SECONDS)).as("the relay sent the batch").isTrue();
        Exchange toCrm = crm.getExchanges().stream().filter(e -> e.getMessage().getBody(String.class)
                .contains(toContact.commandId())).findFirst().orElseThrow();
        assertThat(toCrm.getMessage().getHeader(HubHeaders.GROUP_ID)).isEqualTo("contact:CT-RELAY");
        assertThat(toCrm.getMessage().getHeader(HubHeaders.DUPLICATE_ID)).isEqualTo(toContact.commandId());
        assertThat(erp.getExchanges()).anySatisfy(e -> assertThat(e.getMessage().getHeader(HubHeaders.GROUP_ID))
                .isEqualTo("customer:C-RELAY"));
        assertThat(crm.getExchanges()).noneMatch(e -> e.getMessage().getBody(String.class)
                .contains(toCustomer.commandId()));
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode fields(String field, String value) {
        var payload = JsonNodeFactory.instance.objectNode();
        payload.putObject("fields").put(field, value);
        return payload;
    }
}
