package com.contactsynchub.camel;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling for the routes that consume the event queues, chosen in YAML with
 * {@code routeConfigurationId: transacted-jms}.
 *
 * <p>Invalid messages are not errors: the intake step classifies them and the route sends them to hub.invalid.
 * What is left are failures of the hub's own resources (database down, broker trouble). For those Camel must not
 * retry nor "handle" anything: the exception rolls the JMS transaction back, the message returns to its queue and
 * the broker redelivers it with back-off, then moves it to the dead-letter queue after the configured attempts.
 * Handling a generic exception here would commit the consume and silently lose the message.
 */
@Component
public class HubErrorHandling extends RouteConfigurationBuilder {

    public static final String TRANSACTED_JMS = "transacted-jms";

    @Override
    public void configuration() {
        routeConfiguration(TRANSACTED_JMS).errorHandler(noErrorHandler());
    }
}
