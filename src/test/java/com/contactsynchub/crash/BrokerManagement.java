package com.contactsynchub.crash;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * Requests to the broker's management address ({@code activemq.management}) over the core protocol, on a connection
 * the caller owns: the same for the hub's embedded broker and a standalone one. Not thread-safe; one per user.
 */
public final class BrokerManagement {

    private final Session session;
    private final MessageProducer producer;
    private final TemporaryQueue replyQueue;
    private final MessageConsumer replies;

    public BrokerManagement(Connection connection) throws JMSException {
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = session.createProducer(session.createQueue("activemq.management"));
        this.replyQueue = session.createTemporaryQueue();
        this.replies = session.createConsumer(replyQueue);
        connection.start();
    }

    /** The queue's message count: waiting, in delivery and scheduled for redelivery. */
    public long messageCount(String queue) throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
        return ((Number) ask(request, "the message count of " + queue, 10_000)).longValue();
    }

    /** Removes a queue with its messages. */
    public void destroyQueue(String queue) throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "destroyQueue", queue, true, true);
        ask(request, "removing " + queue, 30_000);
    }

    private Object ask(Message request, String what, long timeoutMillis) throws Exception {
        request.setJMSReplyTo(replyQueue);
        producer.send(request);
        Message reply = replies.receive(timeoutMillis);
        if (reply == null) {
            throw new JMSException("The broker did not answer about " + what);
        }
        Object result = JMSManagementHelper.getResult(reply);
        if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new JMSException("The broker refused " + what + ": " + result);
        }
        return result;
    }
}
