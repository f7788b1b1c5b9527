package com.contactsynchub.broker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Artemis broker beyond Spring Boot's own {@code spring.artemis.embedded.*}.
 *
 * @param coreAcceptor         URL of the core protocol acceptor for outside clients; blank for in-VM only
 * @param maxDeliveryAttempts  deliveries of a failing message before the broker moves it to the dead-letter queue
 * @param redeliveryDelay      wait before the first redelivery; doubled each time up to {@code maxRedeliveryDelay}
 * @param maxRedeliveryDelay   longest wait between redeliveries
 */
@ConfigurationProperties("hub.broker")
public record BrokerProperties(
        @DefaultValue("tcp://127.0.0.1:61616") String coreAcceptor,
        @DefaultValue("5") int maxDeliveryAttempts,
        @DefaultValue("500ms") Duration redeliveryDelay,
        @DefaultValue("10s") Duration maxRedeliveryDelay) {
}
