package com.contactsynchub.camel;

import com.contactsynchub.contract.HubHeaders;
import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.contactsynchub.broker.BrokerProperties;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.intake.IntakeEvent;

/**
 * Failed deliveries of an event: the last attempt (the broker's
 * max-delivery-attempts, hub.broker.max-delivery-attempts) is moved to the dead-letter queue by the hub itself, in
 * the same JMS transaction, carrying why it failed, so that an operator can decide before replaying it. The broker
 * would move it too, but without a reason: it never sees the exception.
 */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final BrokerProperties broker;
    private final QueueNames queues;
    private final Clock clock;

    public DeadLetters(BrokerProperties broker, QueueNames queues, Clock clock) {
        this.broker = broker;
        this.queues = queues;
        this.clock = clock;
    }

    /** The broker would dead-letter the message if this attempt is rolled back. */
    public boolean isLastAttempt(Exchange exchange) {
        Integer count = exchange.getIn().getHeader(HubHeaders.DELIVERY_COUNT, Integer.class);
        return count != null && count >= broker.maxDeliveryAttempts();
    }

    /**
     * The broker would dead-letter the message if this failure rolled it back, and the failure is not the database
     * being away (that one is retried in place by the route's error handling, without using up attempts).
     */
    public boolean isFinalFailure(Exchange exchange) {
        return !HubErrorHandling.isDatabaseAway(failure(exchange)) && isLastAttempt(exchange);
    }

    /**
     * The message as it came (its text, its properties) with the reason as string properties, ready for the
     * dead-letter queue; logged once with the stack trace.
     */
    public void prepare(Exchange exchange) {
        Throwable failure = failure(exchange);
        FailureReason reason = FailureReason.of(failure);
        Message in = exchange.getIn();
        String queue = queue(exchange);
        in.setHeader(HubHeaders.FAILURE_CLASS, reason.exceptionClass());
        in.setHeader(HubHeaders.FAILURE_MESSAGE, reason.message());
        in.setHeader(HubHeaders.FAILED_AT, OffsetDateTime.now(clock).toString());
        in.setHeader(HubHeaders.ORIGINAL_QUEUE, queue);
        // What the broker's own move sets: QueueControl.retryMessages() and the documented filters rely on it.
        in.setHeader(HubHeaders.ARTEMIS_ORIGINAL_QUEUE, queue);
        in.setHeader(HubHeaders.ARTEMIS_ORIGINAL_ADDRESS, queue);
        in.removeHeader(HubHeaders.DELIVERY_COUNT);
        in.setBody(originalBody(in.getBody()));
        log.error("A message on {} failed {} times and was moved to {} ({}: {})", queue, broker.maxDeliveryAttempts(),
                queues.deadLetter(), reason.exceptionClass(), reason.message(), failure);
    }

    /** While a doCatch decides the exception is still on the exchange; inside it, it was moved to a property. */
    private static Throwable failure(Exchange exchange) {
        return exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    private static Object originalBody(Object body) {
        if (body instanceof IntakeEvent event) {
            return event.body();
        }
        if (body instanceof TextMessage text) {
            try {
                return text.getText();
            } catch (JMSException e) {
                throw new IllegalStateException("The failed message's text cannot be read", e);
            }
        }
        return body;
    }

    private static String queue(Exchange exchange) {
        Object destination = exchange.getIn().getHeader("JMSDestination");
        String name = String.valueOf(destination);
        // Artemis prints a queue as "ActiveMQQueue[crm.events]"; the route's endpoint names it too.
        if (destination instanceof jakarta.jms.Queue q) {
            try {
                return q.getQueueName();
            } catch (JMSException e) {
                return name;
            }
        }
        return name;
    }
}
