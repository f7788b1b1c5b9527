package com.contactsynchub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.contactsynchub.contract.QueueNames;

/**
 * The depth and rate of the hub's six queues. On the embedded defaults they are read from the Artemis server in
 * this process; with a standalone broker (production) they are asked of the broker's management address over JMS
 * (the hub's broker user needs the {@code manage} permission, as docker/artemis/broker.xml grants it), at most every
 * {@link #REMOTE_REFRESH}. When neither answers, {@link #problem()} says why and the pages show it.
 */
@Service
public class QueueDepths {

    /** A rate is measured over at least this long, so two page loads a moment apart do not show noise. */
    private static final Duration MIN_RATE_INTERVAL = Duration.ofSeconds(2);
    /** A standalone broker is asked at most this often, whatever the scrape interval and the page loads. */
    static final Duration REMOTE_REFRESH = Duration.ofSeconds(5);
    private static final long MANAGEMENT_TIMEOUT_MS = 2000;
    private static final String MANAGEMENT_ADDRESS = "activemq.management";

    /**
     * @param depth      messages waiting plus delivered and not yet acknowledged
     * @param perSecond  messages added per second since the previous measurement (null before a second one)
     */
    public record QueueDepth(String queue, String role, long depth, int consumers, boolean paused, Double perSecond) {
    }

    private record Sample(Instant at, long added) {
    }

    /** What the broker says of one queue. */
    private record Reading(long depth, long added, int consumers, boolean paused) {
    }

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final ConnectionFactory connectionFactory;
    private final QueueNames queues;
    private final Clock clock;
    private final Map<String, Sample> previous = new HashMap<>();
    private final Map<String, Double> rates = new HashMap<>();
    private Map<String, Reading> remote = Map.of();
    private Instant remoteAt = Instant.EPOCH;
    private String problem;

    public QueueDepths(ObjectProvider<EmbeddedActiveMQ> embedded, ConnectionFactory connectionFactory,
            QueueNames queues, Clock clock) {
        this.embedded = embedded;
        this.connectionFactory = JmsConnections.unwrap(connectionFactory);
        this.queues = queues;
        this.clock = clock;
    }

    /** The queue names with what they carry, in the order of the README's table. */
    public Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(queues.crmEvents(), "contact system -> hub");
        roles.put(queues.crmCommands(), "hub -> contact system");
        roles.put(queues.erpEvents(), "finance system -> hub");
        roles.put(queues.erpCommands(), "hub -> finance system");
        roles.put(queues.invalid(), "refused messages (operator)");
        roles.put(queues.deadLetter(), "failed messages (operator)");
        return roles;
    }

    /** Why the depths are not known right now; null when they are. */
    public synchronized String problem() {
        return problem;
    }

    /** Where the figures come from, for the overview. */
    public String source() {
        return server().isPresent() ? "the embedded broker" : "the broker's management (" + MANAGEMENT_ADDRESS + ")";
    }

    public synchronized List<QueueDepth> all() {
        Map<String, Reading> readings = readings();
        List<QueueDepth> depths = new ArrayList<>();
        Instant now = clock.instant();
        roles().forEach((name, role) -> {
            Reading reading = readings.get(name);
            if (reading == null) {
                return;
            }
            Sample before = previous.get(name);
            if (before == null || Duration.between(before.at(), now).compareTo(MIN_RATE_INTERVAL) >= 0) {
                if (before != null) {
                    double seconds = Duration.between(before.at(), now).toMillis() / 1000.0;
                    rates.put(name, Math.round((reading.added() - before.added()) / seconds * 10) / 10.0);
                }
                previous.put(name, new Sample(now, reading.added()));
            }
            depths.add(new QueueDepth(name, role, reading.depth(), reading.consumers(), reading.paused(),
                    rates.get(name)));
        });
        return depths;
    }

    /** One queue's depth; empty when the broker cannot be asked or the queue does not exist yet. */
    public synchronized Optional<Long> depth(String name) {
        return Optional.ofNullable(readings().get(name)).map(Reading::depth);
    }

    private Map<String, Reading> readings() {
        Optional<ActiveMQServer> server = server();
        if (server.isPresent()) {
            problem = null;
            Map<String, Reading> readings = new LinkedHashMap<>();
            for (String name : roles().keySet()) {
                Queue queue = server.get().locateQueue(SimpleString.of(name));
                readings.put(name, queue == null ? new Reading(0, 0, 0, false)
                        : new Reading(queue.getMessageCount(), queue.getMessagesAdded(), queue.getConsumerCount(),
                                queue.isPaused()));
            }
            return readings;
        }
        if (Duration.between(remoteAt, clock.instant()).compareTo(REMOTE_REFRESH) >= 0) {
            remoteAt = clock.instant();
            try {
                remote = askManagement();
                problem = null;
            } catch (Exception e) { // JMSException, or Artemis' management helpers' own
                remote = Map.of();
                problem = "The broker's management did not answer (" + e.getMessage() + "); see the broker's own "
                        + "console and metrics";
            }
        }
        return remote;
    }

    private Map<String, Reading> askManagement() throws Exception {
        Map<String, Reading> readings = new LinkedHashMap<>();
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageConsumer answers = session.createConsumer(replies)) {
                var requests = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                for (String name : roles().keySet()) {
                    readings.put(name, new Reading(
                            ((Number) attribute(session, requests, answers, replies, name, "messageCount")).longValue(),
                            ((Number) attribute(session, requests, answers, replies, name, "messagesAdded")).longValue(),
                            ((Number) attribute(session, requests, answers, replies, name, "consumerCount")).intValue(),
                            (Boolean) attribute(session, requests, answers, replies, name, "paused")));
                }
            }
        }
        return readings;
    }

    private static Object attribute(Session session, jakarta.jms.MessageProducer requests, MessageConsumer answers,
            TemporaryQueue replies, String queue, String attribute) throws Exception {
        Message request = session.createMessage();
        request.setJMSReplyTo(replies);
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        requests.send(request);
        Message reply = answers.receive(MANAGEMENT_TIMEOUT_MS);
        if (reply == null) {
            throw new IllegalStateException("no answer about " + queue + " within " + MANAGEMENT_TIMEOUT_MS + " ms");
        }
        if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException(queue + "." + attribute + ": " + JMSManagementHelper.getResult(reply));
        }
        return JMSManagementHelper.getResult(reply);
    }

    private Optional<ActiveMQServer> server() {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        return broker == null ? Optional.empty() : Optional.ofNullable(broker.getActiveMQServer());
    }
}
