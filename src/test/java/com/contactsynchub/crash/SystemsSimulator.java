package com.contactsynchub.crash;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Both outside systems, each with its publisher thread (outbox to event queue) and its consumer thread (command
 * queue), talking to the broker over TCP only. The simulator itself never crashes; it rides out the hub's deaths.
 */
final class SystemsSimulator implements AutoCloseable {

    private final SimClock clock = new SimClock();
    private final Map<Side, SimulatedSystem> systems = new EnumMap<>(Side.class);
    private final Map<Side, EventPublisher> publishers = new EnumMap<>(Side.class);
    private final Map<Side, CommandConsumer> consumers = new EnumMap<>(Side.class);
    private final List<Thread> threads = new ArrayList<>();

    SystemsSimulator(BrokerEndpoint broker, String runTag) {
        for (Side side : Side.values()) {
            SimulatedSystem system = new SimulatedSystem(side, runTag, clock);
            systems.put(side, system);
            publishers.put(side, new EventPublisher(side, broker, system.outbox()));
            consumers.put(side, new CommandConsumer(side, broker, system));
        }
    }

    void start() {
        for (Side side : Side.values()) {
            threads.add(start(publishers.get(side), side.source() + "-publisher"));
            threads.add(start(consumers.get(side), side.source() + "-commands"));
        }
    }

    SimulatedSystem crm() {
        return systems.get(Side.CRM);
    }

    SimulatedSystem erp() {
        return systems.get(Side.ERP);
    }

    SimulatedSystem owner(SimRecord record) {
        return systems.get(record.kind().side());
    }

    /** Events not yet confirmed by the broker, both systems. */
    int unsentEvents() {
        return systems.values().stream().mapToInt(s -> s.outbox().unsent()).sum();
    }

    long millisSinceLastCommand() {
        return systems.values().stream().mapToLong(s -> s.commands().millisSinceLastArrival()).min().orElseThrow();
    }

    /** Commands the hub delivered (repeats from the hub included, redeliveries after our failed commits not). */
    long commandsReceived() {
        return systems.values().stream().mapToLong(s -> s.commands().received()).sum();
    }

    long ownRedeliveries() {
        return systems.values().stream().mapToLong(s -> s.commands().ownRedeliveries()).sum();
    }

    long distinctCommands() {
        return systems.values().stream().mapToLong(s -> s.commands().distinct()).sum();
    }

    long repeatedWithSameContent() {
        return systems.values().stream().mapToLong(s -> s.commands().repeatedWithSameContent()).sum();
    }

    List<CommandLog.Mismatch> mismatches() {
        return systems.values().stream().flatMap(s -> s.commands().mismatches().stream()).toList();
    }

    Map<String, Long> commandsByType() {
        Map<String, Long> counts = new TreeMap<>();
        systems.values().forEach(s -> s.commands().receivedByType().forEach((t, n) -> counts.merge(t, n, Long::sum)));
        return counts;
    }

    List<String> unexpected() {
        return systems.values().stream().flatMap(s -> s.unexpected().stream()).toList();
    }

    long eventsSent() {
        return publishers.values().stream().mapToLong(EventPublisher::sent).sum();
    }

    long echoes() {
        return systems.values().stream().mapToLong(SimulatedSystem::echoes).sum();
    }

    /** Sends that failed because the broker was gone and were repeated. */
    long failedSends() {
        return publishers.values().stream().mapToLong(EventPublisher::failedSends).sum();
    }

    /** Receives or commits of commands that failed because the broker was gone. */
    long consumerFailures() {
        return consumers.values().stream().mapToLong(CommandConsumer::failures).sum();
    }

    /** One line of progress: what waits, what arrived, and the last failure of each thread. */
    String progress() {
        StringBuilder line = new StringBuilder();
        for (Side side : Side.values()) {
            SimulatedSystem system = systems.get(side);
            line.append(String.format("%s: %d unsent, %d sent, %d commands in", side.source(),
                    system.outbox().unsent(), publishers.get(side).sent(), system.commands().received()));
            String sendFailure = publishers.get(side).lastFailure();
            String consumeFailure = consumers.get(side).lastFailure();
            if (!sendFailure.isEmpty()) {
                line.append(" (last send failure: ").append(SimulatedSystem.abbreviate(sendFailure)).append(')');
            }
            if (!consumeFailure.isEmpty()) {
                line.append(" (last consumer failure: ").append(SimulatedSystem.abbreviate(consumeFailure))
                        .append(')');
            }
            line.append("; ");
        }
        return line.toString();
    }

    @Override
    public void close() {
        publishers.values().forEach(EventPublisher::stop);
        consumers.values().forEach(CommandConsumer::stop);
        for (Thread thread : threads) {
            try {
                thread.interrupt();
                thread.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, "sim-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
