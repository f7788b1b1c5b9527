package com.contactsynchub.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A client of a hub's broker over TCP (the core acceptor), as the systems are: sends text messages with properties,
 * drains a queue, and asks the broker's management how many messages a queue holds (including those delivered to
 * a consumer and not yet acknowledged, which a queue browser would not show).
 */
public final class BrokerClient implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;

    public BrokerClient(String url) {
        this(url, null, null);
    }

    /** With the broker's login (an embedded broker with hub.broker.user/password, a standalone one). */
    public BrokerClient(String url, String user, String password) {
        this.factory = new ActiveMQConnectionFactory(url, user, password);
        // One attempt per call: the broker is often just being killed or restarted.
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(10_000);
    }

    /** A persistent text message on a queue, with these string properties (e.g. JMSXGroupID, _AMQ_DUPL_ID). */
    public void send(String queue, String text, Map<String, String> properties) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            TextMessage message = session.createTextMessage(text);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            producer.send(message);
        }
    }

    /** Takes every message of the queue: receives until nothing comes for {@code quietMillis}. */
    public List<Message> drain(String queue, long quietMillis) throws JMSException {
        List<Message> messages = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            Message message;
            while ((message = consumer.receive(quietMillis)) != null) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** The next message of the queue, waiting up to {@code timeoutMillis}; null if none came. */
    public Message receive(String queue, long timeoutMillis) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            return session.createConsumer(session.createQueue(queue)).receive(timeoutMillis);
        }
    }

    /** The queue's message count as the broker's management reports it: waiting plus delivering. */
    public long messageCount(String queue) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            Message request = session.createMessage();
            request.setJMSReplyTo(replies);
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
            session.createProducer(ActiveMQJMSClient.createQueue("activemq.management")).send(request);
            Message reply = session.createConsumer(replies).receive(10_000);
            if (reply == null) {
                throw new IllegalStateException("No answer from the broker's management about " + queue);
            }
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("messageCount of " + queue + " failed: "
                        + JMSManagementHelper.getResult(reply));
            }
            return ((Number) JMSManagementHelper.getResult(reply)).longValue();
        } catch (JMSException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("messageCount of " + queue + " failed", e);
        }
    }

    public static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
