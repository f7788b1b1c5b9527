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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.QueueNames;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * When the hub's own database fails, a message is neither lost nor refused as invalid: the JMS transaction rolls
 * back, the broker redelivers, and after the last attempt the message waits on the dead-letter queue.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"hub.broker.max-delivery-attempts=8", "hub.consumers=1"})
@ActiveProfiles("test")
class BrokerRedeliveryTest {

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;
    @Autowired
    NamedParameterJdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(20_000);
    }

    @AfterEach
    void restoreTable() {
        try {
            jdbc.getJdbcTemplate().execute("alter table inbound_message_offline rename to inbound_message");
        } catch (RuntimeException alreadyBack) {
            // the test put it back itself
        }
    }

    @Test
    void aMessageThatKeepsFailingEndsOnTheDeadLetterQueueUnchanged(CapturedOutput log) throws JMSException {
        takeTableOffline();
        String body = contactChanged(UUID.randomUUID().toString());
        jms.convertAndSend(queues.crmEvents(), body);

        Message dead = jms.receive(queues.deadLetter());
        assertThat(dead).as("message on " + queues.deadLetter()).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) dead).getText()).isEqualTo(body);
        assertThat(dead.getStringProperty("_AMQ_ORIG_QUEUE")).isEqualTo(queues.crmEvents());
        // Why it failed, for the operator who decides whether to replay it.
        assertThat(dead.getStringProperty("hubFailureClass"))
                .isEqualTo("org.springframework.jdbc.BadSqlGrammarException");
        assertThat(dead.getStringProperty("hubFailureMessage")).contains("bad SQL grammar")
                .contains("INBOUND_MESSAGE").hasSizeLessThanOrEqualTo(1000).doesNotContain("\n");
        assertThat(dead.getStringProperty("hubOriginalQueue")).isEqualTo(queues.crmEvents());
        // One stack trace in the log for the whole story, not one (or two) per delivery attempt.
        assertThat(occurrences(log.getAll(), "at com.contactsynchub.intake.EventIntake.recordOnce(")).isEqualTo(1);
        assertThat(occurrences(log.getAll(), "failed 8 times and was moved to hub.dead-letter")).isEqualTo(1);
        // Validation comes before the failing step: a refusal would have been counted by now.
        assertThat(meters.find("hub.messages.invalid").counters().stream().mapToDouble(c -> c.count()).sum())
                .as("nothing refused as invalid").isZero();
    }

    @Test
    void aMessageIsAppliedOnceTheDatabaseIsBack() {
        takeTableOffline();
        long failedBefore = failures();
        String messageId = UUID.randomUUID().toString();
        jms.convertAndSend(queues.crmEvents(), contactChanged(messageId));

        await().atMost(Duration.ofSeconds(10)).until(() -> failures() > failedBefore);
        jdbc.getJdbcTemplate().execute("alter table inbound_message_offline rename to inbound_message");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from inbound_message where message_id = :id", Map.of("id", messageId),
                Integer.class) == 1);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private void takeTableOffline() {
        jdbc.getJdbcTemplate().execute("alter table inbound_message rename to inbound_message_offline");
    }

    private long failures() {
        return (long) meters.find("camel.exchanges.failed").tag("routeId", "crm-events").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static String contactChanged(String messageId) {
        return """
                {"messageId":"%s","type":"contact.changed","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"CT-REDELIVER","fields":{"name":"Fabrikam"}}""".formatted(messageId);
    }
}
