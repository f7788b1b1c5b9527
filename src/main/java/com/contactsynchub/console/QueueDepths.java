package com.contactsynchub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.contactsynchub.contract.QueueNames;

/**
 * The depth and rate of the hub's six queues, read from the embedded Artemis server. With a standalone broker (the
 * production profile) the hub holds no server to ask: {@link #available()} is false and the pages say so.
 */
@Service
public class QueueDepths {

    /** A rate is measured over at least this long, so two page loads a moment apart do not show noise. */
    private static final Duration MIN_RATE_INTERVAL = Duration.ofSeconds(2);

    /**
     * @param depth      messages waiting plus delivered and not yet acknowledged
     * @param perSecond  messages added per second since the previous measurement (null before a second one)
     */
    public record QueueDepth(String queue, String role, long depth, int consumers, boolean paused, Double perSecond) {
    }

    private record Sample(Instant at, long added) {
    }

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final QueueNames queues;
    private final Clock clock;
    private final Map<String, Sample> previous = new HashMap<>();
    private final Map<String, Double> rates = new HashMap<>();

    public QueueDepths(ObjectProvider<EmbeddedActiveMQ> embedded, QueueNames queues, Clock clock) {
        this.embedded = embedded;
        this.queues = queues;
        this.clock = clock;
    }

    public boolean available() {
        return server().isPresent();
    }

    /** The queue names with what they carry, in the order of the README's table. */
    public Map<String, String> roles() {
        Map<String, String> roles = new java.util.LinkedHashMap<>();
        roles.put(queues.crmEvents(), "contact system -> hub");
        roles.put(queues.crmCommands(), "hub -> contact system");
        roles.put(queues.erpEvents(), "finance system -> hub");
        roles.put(queues.erpCommands(), "hub -> finance system");
        roles.put(queues.invalid(), "refused messages (operator)");
        roles.put(queues.deadLetter(), "failed messages (operator)");
        return roles;
    }

    public synchronized List<QueueDepth> all() {
        List<QueueDepth> depths = new ArrayList<>();
        Optional<ActiveMQServer> server = server();
        if (server.isEmpty()) {
            return depths;
        }
        Instant now = clock.instant();
        roles().forEach((name, role) -> {
            Queue queue = server.get().locateQueue(SimpleString.of(name));
            if (queue == null) {
                depths.add(new QueueDepth(name, role, 0, 0, false, null));
                return;
            }
            long added = queue.getMessagesAdded();
            Sample before = previous.get(name);
            if (before == null || Duration.between(before.at(), now).compareTo(MIN_RATE_INTERVAL) >= 0) {
                if (before != null) {
                    double seconds = Duration.between(before.at(), now).toMillis() / 1000.0;
                    rates.put(name, Math.round((added - before.added()) / seconds * 10) / 10.0);
                }
                previous.put(name, new Sample(now, added));
            }
            depths.add(new QueueDepth(name, role, queue.getMessageCount(), queue.getConsumerCount(), queue.isPaused(),
                    rates.get(name)));
        });
        return depths;
    }

    /** One queue's depth; empty with a standalone broker or when the queue does not exist yet. */
    public Optional<Long> depth(String name) {
        return server().map(s -> s.locateQueue(SimpleString.of(name))).map(Queue::getMessageCount);
    }

    private Optional<ActiveMQServer> server() {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        return broker == null ? Optional.empty() : Optional.ofNullable(broker.getActiveMQServer());
    }
}
