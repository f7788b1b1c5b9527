package com.contactsynchub.reference;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.springframework.jms.core.JmsTemplate;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.contract.MessageValidator;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.contract.Validation;

/**
 * Reads what a reference system published on its event queue, as the hub would, and checks every message against
 * its schema. The hub's route on that queue must be stopped while a test reads it.
 */
public class PublishedEvents {

    /** One message as it arrived: the validated message and its JMSXGroupID. */
    public record Published(InboundMessage message, String groupId) {

        public String text(String field) {
            return message.text(field);
        }

        public String field(String name) {
            var node = message.body().path("fields").get(name);
            return node == null || node.isNull() ? null : node.asText();
        }
    }

    private final JmsTemplate jms;
    private final String queue;
    private final Channel channel;
    private final MessageValidator validator;

    public PublishedEvents(ConnectionFactory connectionFactory, QueueNames queues, Channel channel,
            MessageValidator validator) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setReceiveTimeout(10_000);
        this.queue = channel.queueName(queues);
        this.channel = channel;
        this.validator = validator;
    }

    /** Throws away whatever earlier tests left on the queue. */
    public void drain() {
        JmsTemplate quick = new JmsTemplate(jms.getConnectionFactory());
        quick.setReceiveTimeout(200);
        while (quick.receive(queue) != null) {
            // discard
        }
    }

    /** The next message on the queue, which must arrive within 10 s and be valid per its schema. */
    public Published next() {
        Message message = jms.receive(queue);
        assertThat(message).as("a message on " + queue).isNotNull();
        try {
            assertThat(message).isInstanceOf(TextMessage.class);
            String text = ((TextMessage) message).getText();
            Validation validation = validator.validate(text, channel);
            assertThat(validation).as(() -> text + " -> " + validation).isInstanceOf(Validation.Valid.class);
            return new Published(((Validation.Valid) validation).message(),
                    message.getStringProperty(ReferencePublisher.GROUP_ID));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message, which must be of {@code type}. */
    public Published next(String type) {
        Published published = next();
        assertThat(published.message().type().wireName()).as(published.message().raw()).isEqualTo(type);
        return published;
    }

    /** Asserts that nothing more arrives within a short while. */
    public void assertNothingMore() {
        JmsTemplate quick = new JmsTemplate(jms.getConnectionFactory());
        quick.setReceiveTimeout(500);
        assertThat(quick.receive(queue)).as("no further message on " + queue).isNull();
    }
}
