package com.contactsynchub.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * The one thread that takes a system's commands off its command queue, in order, on a transacted session: each
 * command is applied (its echo and acknowledgement queued in the system's outbox) and only then is its receipt
 * committed, together with the others that were already waiting (one journal sync for the lot). If the commit fails
 * because the hub died, the broker delivers those commands again after the restart and the system recognises them
 * by their commandId. One consumer keeps one record's commands in order without relying on message groups.
 */
final class CommandConsumer implements Runnable {

    /** What a system does with commands; must not throw (a command it cannot use is still consumed). */
    interface Handler {

        /** Applies one command; returns its commandId (null if it has none). */
        String onCommand(String text, String jmsMessageId);

        /** The receipt of these commands is committed: the broker will not deliver them again. */
        void committed(List<String> commandIds);
    }

    private static final int BATCH = 100;

    private final Side side;
    private final BrokerEndpoint broker;
    private final Handler handler;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;
    private volatile String lastFailure = "";

    private Connection connection;
    private Session session;
    private MessageConsumer consumer;

    CommandConsumer(Side side, BrokerEndpoint broker, Handler handler) {
        this.side = side;
        this.broker = broker;
        this.handler = handler;
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff();
        try {
            while (running) {
                try {
                    connectIfNeeded();
                    Message message = consumer.receive(200);
                    List<String> batch = new ArrayList<>();
                    while (message != null) {
                        String text = message instanceof TextMessage textMessage ? textMessage.getText() : null;
                        batch.add(handler.onCommand(text, message.getJMSMessageID()));
                        message = batch.size() < BATCH ? consumer.receiveNoWait() : null;
                    }
                    if (batch.isEmpty()) {
                        continue;
                    }
                    session.commit();
                    handler.committed(batch);
                    committed.addAndGet(batch.size());
                    backoff = new Backoff();
                } catch (JMSException | RuntimeException brokerGone) {
                    failures.incrementAndGet();
                    lastFailure = brokerGone.toString();
                    disconnect();
                    backoff.pause();
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

    long committed() {
        return committed.get();
    }

    /** Receives or commits that failed because the broker went away (the commands then come again). */
    long failures() {
        return failures.get();
    }

    String lastFailure() {
        return lastFailure;
    }

    private void connectIfNeeded() throws JMSException {
        if (connection == null) {
            connection = broker.connect();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            consumer = session.createConsumer(session.createQueue(side.commandQueue()));
            connection.start();
        }
    }

    private void disconnect() {
        broker.release(connection);
        connection = null;
        session = null;
        consumer = null;
    }
}
