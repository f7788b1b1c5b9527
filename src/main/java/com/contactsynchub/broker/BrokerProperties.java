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
 * @param user                 login outside clients need on the core acceptor (HUB_BROKER_USER); required when the
 *                             acceptor listens beyond 127.0.0.1, optional on it
 * @param password             its password (HUB_BROKER_PASSWORD)
 */
@ConfigurationProperties("hub.broker")
public record BrokerProperties(
        @DefaultValue("tcp://127.0.0.1:61616") String coreAcceptor,
        @DefaultValue("5") int maxDeliveryAttempts,
        @DefaultValue("500ms") Duration redeliveryDelay,
        @DefaultValue("10s") Duration maxRedeliveryDelay,
        @DefaultValue("") String user,
        @DefaultValue("") String password) {

    /** With a login the embedded broker checks every connection, the hub's own in-VM one included. */
    public boolean loginRequired() {
        return user != null && !user.isBlank() && password != null && !password.isBlank();
    }
}
