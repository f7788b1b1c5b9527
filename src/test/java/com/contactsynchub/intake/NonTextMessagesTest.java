package com.contactsynchub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.broker.NoJmsDeserialization;
import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.contract.QueueNames;

/**
 * Nothing but text reaches the hub: an ObjectMessage on an event queue goes to hub.invalid unread, and its class's
 * readObject never runs; a BytesMessage holding JSON is refused the same way.
 */
@SpringBootTest
@ActiveProfiles("test")
class NonTextMessagesTest {

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;

    JmsTemplate jms;

    @BeforeEach
    void setUp() {
        jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(30_000);
    }

    @Test
    void anObjectMessageIsRefusedWithoutBeingDeserialized() throws JMSException {
        Tripwire.readObjectCalls.set(0);
        jms.send(queues.crmEvents(), session -> session.createObjectMessage(new Tripwire()));

        Message refused = jms.receive(queues.invalid());
        assertThat(refused).as("on " + queues.invalid()).isInstanceOf(BytesMessage.class);
        assertThat(refused.getStringProperty(HubHeaders.INVALID_REASON))
                .isEqualTo("only JSON text messages are accepted (this is a ObjectMessage)");
        assertThat(refused.getStringProperty(HubHeaders.ORIGINAL_QUEUE)).isEqualTo(queues.crmEvents());
        assertThat(refused.getStringProperty(HubHeaders.ORIGINAL_MESSAGE_KIND)).isEqualTo("ObjectMessage");
        assertThat(((BytesMessage) refused).getBodyLength()).as("the serialized bytes, kept").isPositive();
        assertThat(Tripwire.readObjectCalls).as("readObject calls").hasValue(0);
    }

    @Test
    void aBytesMessageIsRefusedEvenWhenItHoldsJson() throws JMSException {
        byte[] json = """
                {"messageId":"bytes-1","type":"customer.changed","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"C-BYTES","fields":{"name":"Fabrikam"}}""".getBytes(StandardCharsets.UTF_8);
        jms.send(queues.erpEvents(), session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(json);
            return message;
        });

        Message refused = jms.receive(queues.invalid());
        assertThat(refused).isInstanceOf(BytesMessage.class);
        assertThat(refused.getStringProperty(HubHeaders.INVALID_REASON))
                .isEqualTo("only JSON text messages are accepted (this is a BytesMessage)");
        byte[] kept = new byte[(int) ((BytesMessage) refused).getBodyLength()];
        ((BytesMessage) refused).readBytes(kept);
        assertThat(kept).isEqualTo(json);
    }

    @Test
    void artemisMayDeserializeNoClassAtAll() {
        assertThat(System.getProperty(NoJmsDeserialization.ALLOW_LIST)).isEmpty();
        assertThat(System.getProperty(NoJmsDeserialization.DENY_LIST)).isEqualTo("*");
    }

    /** A class whose deserialization would be noticed: it counts and fails. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger readObjectCalls = new AtomicInteger();

        private void readObject(ObjectInputStream in) throws IOException {
            readObjectCalls.incrementAndGet();
            throw new InvalidObjectException("the hub deserialized a message body");
        }
    }
}
