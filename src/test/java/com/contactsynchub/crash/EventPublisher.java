package com.contactsynchub.crash;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * The one thread that drains a system's {@link EventOutbox} to its event queue, strictly in order (one publisher,
 * so one record's events reach the broker in version order). Every event carries {@code _AMQ_DUPL_ID} = its
 * messageId, which it keeps through every retry.
 *
 * <p>Normally what has piled up is sent in one local transaction (one journal sync for the lot, so the systems are
 * never the bottleneck). When a send or commit fails because the hub died, it is not known whether the broker
 * stored the batch, so its events are sent again one by one on a NON-transacted session, each repeated until the
 * broker confirms it: the broker silently drops a non-transacted send whose duplicate id it has stored (a
 * transaction holding a duplicate would be refused as a whole), and the hub ignores a messageId it has seen. Any
 * failure closes the connection; it is made again until the broker is back.
 */
final class EventPublisher implements Runnable {

    /** Artemis' duplicate-detection header. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** JMS message groups: one record's messages to one consumer at a time (docs/messages.md). */
    static final String GROUP_ID = "JMSXGroupID";
    private static final int BATCH = 200;

    private final Side side;
    private final BrokerEndpoint broker;
    private final EventOutbox outbox;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failedSends = new AtomicLong();
    private volatile boolean running = true;
    private volatile String lastFailure = "";

    private Connection connection;
    private Session transacted;
    private MessageProducer batchProducer;
    private Session single;
    private MessageProducer singleProducer;
    private Queue queue;

    EventPublisher(Side side, BrokerEndpoint broker, EventOutbox outbox) {
        this.side = side;
        this.broker = broker;
        this.outbox = outbox;
    }

    @Override
    public void run() {
        try {
            while (running) {
                List<EventOutbox.Outgoing> batch = outbox.next(BATCH, 200);
                if (!batch.isEmpty() && deliver(batch)) {
                    outbox.sent(batch.size());
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            disconnect();
        }
    }

    void stop() {
        running = false;
    }

    long sent() {
        return sent.get();
    }

    long failedSends() {
        return failedSends.get();
    }

    /** The last reason a send failed (for the progress lines). */
    String lastFailure() {
        return lastFailure;
    }

    /** True once the broker has every event of the batch; false only when the publisher is stopped. */
    private boolean deliver(List<EventOutbox.Outgoing> batch) throws InterruptedException {
        if (batch.size() > 1) {
            try {
                connectIfNeeded();
                for (EventOutbox.Outgoing event : batch) {
                    batchProducer.send(queue, message(transacted, event));
                }
                transacted.commit();
                sent.addAndGet(batch.size());
                return true;
            } catch (JMSException | RuntimeException brokerGone) {
                failed(brokerGone);
            }
        }
        for (EventOutbox.Outgoing event : batch) {
            if (!sendUntilConfirmed(event)) {
                return false;
            }
        }
        return true;
    }

    private boolean sendUntilConfirmed(EventOutbox.Outgoing event) throws InterruptedException {
        Backoff backoff = new Backoff();
        while (running) {
            try {
                connectIfNeeded();
                singleProducer.send(queue, message(single, event));
                sent.incrementAndGet();
                return true;
            } catch (JMSException | RuntimeException brokerGone) {
                failed(brokerGone);
                backoff.pause();
            }
        }
        return false;
    }

    private static TextMessage message(Session session, EventOutbox.Outgoing event) throws JMSException {
        TextMessage message = session.createTextMessage(event.text());
        message.setStringProperty(DUPLICATE_ID, event.messageId());
        if (event.groupId() != null) {
            message.setStringProperty(GROUP_ID, event.groupId());
        }
        return message;
    }

    private void failed(Exception brokerGone) {
        failedSends.incrementAndGet();
        lastFailure = brokerGone.toString();
        disconnect();
    }

    private void connectIfNeeded() throws JMSException {
        if (connection == null) {
            connection = broker.connect();
            transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
            single = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            queue = single.createQueue(side.eventQueue());
            batchProducer = transacted.createProducer(null);
            batchProducer.setDeliveryMode(DeliveryMode.PERSISTENT);
            singleProducer = single.createProducer(null);
            singleProducer.setDeliveryMode(DeliveryMode.PERSISTENT);
        }
    }

    private void disconnect() {
        broker.release(connection);
        connection = null;
        transacted = null;
        single = null;
        batchProducer = null;
        singleProducer = null;
    }
}
