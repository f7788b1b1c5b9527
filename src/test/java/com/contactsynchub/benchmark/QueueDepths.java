package com.contactsynchub.benchmark;

import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

import com.contactsynchub.crash.BrokerEndpoint;

/**
 * The message counts of queues, asked through the broker's management address over one connection kept open for
 * the whole benchmark: polling must not cost the broker a connection and a temporary queue each time.
 */
final class QueueDepths implements AutoCloseable {

    private final BrokerEndpoint broker;
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final MessageConsumer replies;
    private final TemporaryQueue replyQueue;

    QueueDepths(BrokerEndpoint broker) throws Exception {
        this.broker = broker;
        this.connection = broker.connect();
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = session.createProducer(session.createQueue("activemq.management"));
        this.replyQueue = session.createTemporaryQueue();
        this.replies = session.createConsumer(replyQueue);
        connection.start();
    }

    /** The sum of the queues' message counts (waiting, in delivery and scheduled). */
    synchronized long total(List<String> queues) throws Exception {
        long total = 0;
        for (String queue : queues) {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, "messageCount");
            request.setJMSReplyTo(replyQueue);
            producer.send(request);
            Message reply = replies.receive(10_000);
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("The broker did not tell the message count of " + queue);
            }
            total += ((Number) JMSManagementHelper.getResult(reply)).longValue();
        }
        return total;
    }

    /** Removes a queue with its messages (the broker hop's, once measured). */
    synchronized void destroy(String queue) throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "destroyQueue", queue, true, true);
        request.setJMSReplyTo(replyQueue);
        producer.send(request);
        Message reply = replies.receive(30_000);
        if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
            throw new IllegalStateException("The broker did not remove " + queue + ": "
                    + (reply == null ? "no answer" : JMSManagementHelper.getResult(reply)));
        }
    }

    @Override
    public void close() {
        broker.release(connection);
    }
}
