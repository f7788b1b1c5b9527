package com.contactsynchub.command;

import com.contactsynchub.intake.EventHandler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageType;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.Validation;
import com.contactsynchub.intake.KnownRecord;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The way out for commands, over the real broker: a handler's command reaches its queue through the outbox and the
 * relay with the envelope, the message group and the duplicate-detection id, and a redelivered event is not applied
 * again and sends no second copy.
 */
@SpringBootTest(properties = "hub.consumers=1")
@ActiveProfiles("test")
class CommandSendingTest {

    /** Stands in for the sync features of later issues: asks the contact system to copy a contact's name. */
    @TestConfiguration
    static class CopyNameHandler {
        @Bean
        EventHandler copyName(CommandFactory commands) {
            return new EventHandler() {
                @Override
                public boolean handles(InboundMessage message) {
                    return message.type() == MessageType.CONTACT_CHANGED && message.recordNo().startsWith("CT-CMD");
                }

                @Override
                public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
                    ObjectNode payload = message.body().objectNode();
                    payload.putObject("fields").put("name", message.body().at("/fields/name").asText() + " (copy)");
                    String target = message.recordNo() + "-COPY";
                    return List.of(commands.create(message.messageId(), MessageType.CONTACT_UPDATE,
                            "contact:" + target, "contactNo", target, payload));
                }
            };
        }
    }

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MessageValidator validator;

    @Test
    void aCommandArrivesWithItsEnvelopeGroupAndDuplicateId() throws JMSException {
        JmsTemplate jms = jms(10_000);
        String eventId = UUID.randomUUID().toString();
        jms.convertAndSend(queues.crmEvents(), contactChanged(eventId, "CT-CMD1"));

        Message command = jms.receive(queues.crmCommands());
        assertThat(command).isInstanceOf(TextMessage.class);
        String text = ((TextMessage) command).getText();
        assertThat(validator.validate(text, Channel.CRM_COMMANDS)).isInstanceOf(Validation.Valid.class);
        String commandId = CommandFactory.commandId(eventId, MessageType.CONTACT_UPDATE, "contact:CT-CMD1-COPY");
        assertThat(text).contains("\"commandId\":\"" + commandId + "\"", "\"causationId\":\"" + eventId + "\"",
                "\"contactNo\":\"CT-CMD1-COPY\"", "\"name\":\"Fabrikam (copy)\"");
        assertThat(command.getStringProperty("JMSXGroupID")).isEqualTo("contact:CT-CMD1-COPY");
        assertThat(command.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(commandId);
        // Only the contract's properties travel (the broker adds its JMSX ones): nothing of the relay's exchange,
        // whatever Camel would map from a header.
        List<String> properties = new java.util.ArrayList<>();
        for (java.util.Enumeration<?> names = command.getPropertyNames(); names.hasMoreElements(); ) {
            String name = String.valueOf(names.nextElement());
            if (!name.startsWith("JMSX")) {
                properties.add(name);
            }
        }
        assertThat(properties).containsExactly("_AMQ_DUPL_ID");
        assertThat(meters.find("hub.commands.out").tag("type", "contact.update").counter()).isNotNull();
    }

    @Test
    void aRedeliveredEventIsNotAppliedAgainAndSendsNoSecondCopy() throws JMSException {
        JmsTemplate jms = jms(10_000);
        String eventId = UUID.randomUUID().toString();
        double duplicatesBefore = duplicates();

        jms.convertAndSend(queues.crmEvents(), contactChanged(eventId, "CT-CMD2"));
        Message first = jms.receive(queues.crmCommands());
        // The same event again, as after a crash between the database commit and the JMS commit.
        jms.convertAndSend(queues.crmEvents(), contactChanged(eventId, "CT-CMD2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() > duplicatesBefore);

        assertThat(first).isNotNull();
        assertThat(jms(1_000).receive(queues.crmCommands())).as("second copy of the command").isNull();
        // The duplicate event is consumed for good, not rolled back again and again into the dead-letter queue.
        assertThat(jms(4_000).receive(queues.deadLetter())).as("dead-lettered event").isNull();
        assertThat(duplicates()).isEqualTo(duplicatesBefore + 1);
    }

    private double duplicates() {
        return meters.find("hub.messages.duplicate").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private JmsTemplate jms(long receiveTimeout) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(receiveTimeout);
        return jms;
    }

    private static String contactChanged(String messageId, String contactNo) {
        return """
                {"messageId":"%s","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"%s","fields":{"name":"Fabrikam"}}""".formatted(messageId, contactNo);
    }
}
