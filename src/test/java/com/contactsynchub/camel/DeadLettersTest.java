package com.contactsynchub.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import com.contactsynchub.broker.BrokerProperties;
import com.contactsynchub.contract.QueueNames;

class DeadLettersTest {

    private final DeadLetters deadLetters = new DeadLetters(
            new BrokerProperties("", 5, Duration.ofMillis(500), Duration.ofSeconds(10), "", ""),
            new QueueNames("crm.events", "crm.commands", "erp.events", "erp.commands", "hub.invalid",
                    "hub.dead-letter"),
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void onlyTheLastAttemptIsDeadLetteredByTheHub() {
        assertThat(deadLetters.isFinalFailure(failed(4, new IllegalStateException("bug")))).isFalse();
        assertThat(deadLetters.isFinalFailure(failed(5, new IllegalStateException("bug")))).isTrue();
        assertThat(deadLetters.isFinalFailure(failed(null, new IllegalStateException("bug")))).isFalse();
    }

    @Test
    void theDatabaseBeingAwayIsNeverDeadLettered() {
        var away = new RuntimeException(new DataAccessResourceFailureException("no connection"));
        assertThat(deadLetters.isFinalFailure(failed(5, away))).isFalse();
    }

    @Test
    void theMessageCarriesTheFailureAndItsOriginalQueue() {
        Exchange exchange = failed(5, new IllegalStateException("broken\ntable"));
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, exchange.getException());
        exchange.setException(null);
        exchange.getIn().setHeader("JMSDestination", new org.apache.activemq.artemis.jms.client.ActiveMQQueue(
                "crm.events"));
        exchange.getIn().setBody("{\"messageId\":\"m\"}");

        deadLetters.prepare(exchange);

        assertThat(exchange.getIn().getHeaders()).containsEntry("hubFailureClass", "java.lang.IllegalStateException")
                .containsEntry("hubFailureMessage", "broken table").containsEntry("hubOriginalQueue", "crm.events")
                .containsEntry("_AMQ_ORIG_QUEUE", "crm.events").containsEntry("hubFailedAt", "2026-12-01T10:00Z")
                .doesNotContainKey("JMSXDeliveryCount");
        assertThat(exchange.getIn().getBody()).isEqualTo("{\"messageId\":\"m\"}");
    }

    private static Exchange failed(Integer deliveryCount, Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (deliveryCount != null) {
            exchange.getIn().setHeader("JMSXDeliveryCount", deliveryCount);
        }
        exchange.setException(failure);
        return exchange;
    }
}
