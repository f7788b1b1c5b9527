package com.contactsynchub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import com.contactsynchub.contract.CommonField;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.journal.Journal;

/**
 * Exactly-once effect of a sync event: a message delivered twice (same messageId), and a message whose database
 * transaction fails half-way and is redelivered, each change the linked records once and send one command per
 * counterpart.
 */
@SyncEndToEnd
class SyncRedeliveryTest {

    @Autowired
    SyncTestSupport support;
    @Autowired
    FailOnceHandler failOnce;
    @Autowired
    Journal journal;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;

    @Test
    void theSameEventSentTwiceHasOneEffectAndOneCommandPerCounterpart() {
        SyncTestSupport.Group group = support.linkedGroup();
        String messageId = UUID.randomUUID().toString();
        String event = contactChanged(messageId, group.contactNo(), "+1 404 555 0123");

        send(event, group.contactNo());
        send(event, group.contactNo());

        await().atMost(Duration.ofSeconds(20)).until(() -> group.financeRecords().stream().allMatch(r ->
                "+1 404 555 0123".equals(support.valuesIn(r).get(CommonField.PHONE_NO))));
        support.awaitQuiet();
        assertThat(support.count("select count(*) from inbound_message where message_id = '" + messageId + "'"))
                .isEqualTo(1);
        assertThat(journal.count(messageId, "pushed")).isEqualTo(1);
        assertThat(journal.count(messageId, "update-sent")).isEqualTo(3);
        for (RecordRef record : group.financeRecords()) {
            assertThat(support.commandsTo(record)).as("commands to " + record).isEqualTo(1);
        }
        assertThat(support.commandsTo(group.contact())).isZero();
        // The copy was consumed, not left to fail until it is dead-lettered.
        Integer dead = new JmsTemplate(connectionFactory).browse(queues.deadLetter(), (session, browser) -> {
            int n = 0;
            for (var e = browser.getEnumeration(); e.hasMoreElements(); ) {
                if (((TextMessage) e.nextElement()).getText().contains(messageId)) {
                    n++;
                }
            }
            return n;
        });
        assertThat(dead).as("copies of the duplicate on " + queues.deadLetter()).isZero();
    }

    @Test
    void aTransactionThatFailsHalfWayIsRedeliveredAndAppliedOnce() {
        SyncTestSupport.Group group = support.linkedGroup();
        String messageId = UUID.randomUUID().toString();
        failOnce.failOnce(messageId);
        int failuresBefore = failOnce.failures();

        send(contactChanged(messageId, group.contactNo(), "+1 404 555 0456"), group.contactNo());

        await().atMost(Duration.ofSeconds(20)).until(() -> group.financeRecords().stream().allMatch(r ->
                "+1 404 555 0456".equals(support.valuesIn(r).get(CommonField.PHONE_NO))));
        support.awaitQuiet();
        assertThat(failOnce.failures()).as("the first attempt failed after the sync handler ran")
                .isEqualTo(failuresBefore + 1);
        assertThat(journal.count(messageId, "pushed")).as("decided once: the failed attempt left nothing")
                .isEqualTo(1);
        assertThat(journal.count(messageId, "update-sent")).isEqualTo(3);
        for (RecordRef record : group.financeRecords()) {
            assertThat(support.commandsTo(record)).as("commands to " + record).isEqualTo(1);
            assertThat(support.decisions(record)).contains("echo-suppressed");
        }
        assertThat(support.agreed(group.contactNo())).containsEntry(CommonField.PHONE_NO, "+1 404 555 0456");
        assertThat(support.count("select count(*) from sync_pending where record_no in ('" + group.customerNo()
                + "', '" + group.vendorNo() + "', '" + group.bankAccountNo() + "')")).isZero();
    }

    private void send(String text, String contactNo) {
        new JmsTemplate(connectionFactory).send(queues.crmEvents(), session -> {
            TextMessage message = session.createTextMessage(text);
            message.setStringProperty("JMSXGroupID", "contact:" + contactNo);
            return message;
        });
    }

    private static String contactChanged(String messageId, String contactNo, String phoneNo) {
        return """
                {"messageId":"%s","type":"contact.changed","occurredAt":"%s","source":"crm","version":100,
                 "contactNo":"%s","contactType":"company","fields":{"phoneNo":"%s"}}"""
                .formatted(messageId, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)), contactNo,
                        phoneNo);
    }
}
