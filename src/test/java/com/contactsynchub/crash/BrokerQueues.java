package com.contactsynchub.crash;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;


/**
 * The broker's own view of the hub's queues, asked over the core protocol through the management address
 * ({@code activemq.management}), the same way for the hub's embedded broker and a standalone one. A queue's
 * {@code messageCount} includes messages being delivered and scheduled for redelivery, so zero means nothing is
 * waiting and nothing is in the hands of a consumer.
 */
public final class BrokerQueues {

    public static final List<String> HUB_QUEUES = List.of("crm.events", "erp.events", "crm.commands", "erp.commands");
    static final String INVALID = "hub.invalid";
    static final String DEAD_LETTER = "hub.dead-letter";

    /** A message refused by the hub, as found on {@code hub.invalid}. */
    record Refused(String reason, String body) {
    }

    private final BrokerEndpoint broker;

    public BrokerQueues(BrokerEndpoint broker) {
        this.broker = broker;
    }

    /** Message counts of the queues, or empty when the broker is not reachable (the hub is down). */
    public Optional<Map<String, Long>> counts(List<String> queues) {
        Connection connection = null;
        try {
            connection = broker.connect();
            BrokerManagement management = new BrokerManagement(connection);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String queue : queues) {
                counts.put(queue, management.messageCount(queue));
            }
            return Optional.of(counts);
        } catch (Exception brokerNotThere) {
            return Optional.empty();
        } finally {
            broker.release(connection);
        }
    }

    /** True when all of the hub's event and command queues are empty (and the broker answers). */
    boolean hubQueuesEmpty() {
        return counts(HUB_QUEUES).map(c -> c.values().stream().allMatch(n -> n == 0)).orElse(false);
    }

    /** What waits on a queue, by browsing it (nothing is taken off). */
    List<Refused> browse(String queue) throws JMSException {
        Connection connection = broker.connect();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            List<Refused> found = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                for (Object element : Collections.list(browser.getEnumeration())) {
                    Message message = (Message) element;
                    String body = message instanceof TextMessage text ? text.getText() : String.valueOf(message);
                    found.add(new Refused(message.getStringProperty("hubInvalidReason"),
                            SimulatedSystem.abbreviate(body)));
                }
            }
            return found;
        } finally {
            broker.release(connection);
        }
    }
}
