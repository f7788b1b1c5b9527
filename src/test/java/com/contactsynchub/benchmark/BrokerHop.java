package com.contactsynchub.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import com.contactsynchub.crash.BrokerEndpoint;
import com.contactsynchub.crash.BrokerManagement;

/**
 * The broker's own limit, the figure the hub is measured against: consumers move durable 1 KiB messages from one
 * queue to another on the same broker, each in a transacted session that commits after every {@code commitEvery}
 * messages (B1: every message; B50: every 50). No processing at all: what a hop costs the broker and its disk.
 */
final class BrokerHop {

    static final String PAYLOAD = "x".repeat(1024);

    private BrokerHop() {
    }

    /** Messages per second moved, from the first receive to the last commit. */
    static double run(BrokerEndpoint broker, int messages, int consumers, int commitEvery) throws Exception {
        String from = "bench.hop.from." + UUID.randomUUID();
        String to = "bench.hop.to." + UUID.randomUUID();
        fill(broker, from, messages);
        AtomicInteger moved = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        List<Connection> connections = new ArrayList<>();
        try {
            List<Future<?>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < consumers; c++) {
                Connection connection = broker.connect();
                connections.add(connection);
                connection.start();
                workers.add(pool.submit(() -> {
                    try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                        MessageConsumer consumer = session.createConsumer(session.createQueue(from));
                        MessageProducer producer = session.createProducer(session.createQueue(to));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        int uncommitted = 0;
                        // Until all are moved: a consumer that stopped at its first empty receive would leave its
                        // prefetched messages to nobody until it is closed.
                        while (moved.get() < messages) {
                            Message m = consumer.receive(20);
                            if (m != null) {
                                producer.send(m);
                                uncommitted++;
                            }
                            if (uncommitted > 0 && (uncommitted >= commitEvery || m == null)) {
                                session.commit();
                                moved.addAndGet(uncommitted);
                                uncommitted = 0;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
            return messages / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
            connections.forEach(broker::release);
            Connection connection = broker.connect();
            try {
                BrokerManagement management = new BrokerManagement(connection);
                management.destroyQueue(from);
                management.destroyQueue(to);
            } finally {
                broker.release(connection);
            }
        }
    }

    private static void fill(BrokerEndpoint broker, String queue, int messages) throws Exception {
        Connection connection = broker.connect();
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 1; i <= messages; i++) {
                producer.send(session.createTextMessage(PAYLOAD));
                if (i % 500 == 0) {
                    session.commit();
                }
            }
            session.commit();
        } finally {
            broker.release(connection);
        }
    }
}
