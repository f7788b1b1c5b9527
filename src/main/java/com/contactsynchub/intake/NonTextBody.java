package com.contactsynchub.intake;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.core.ActiveMQBuffer;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;

/**
 * The body of an inbound message that is not a JMS TextMessage, taken as the raw bytes the broker holds, so that it
 * can go to hub.invalid without ever being deserialized (an ObjectMessage's getObject() would run the sender's
 * classes' readObject).
 *
 * @param kind  ObjectMessage, BytesMessage, MapMessage, StreamMessage or Message
 * @param bytes the broker's encoding of the body (for an ObjectMessage: its serialized form, unread)
 */
public record NonTextBody(String kind, byte[] bytes) {

    public static final String REASON = "only JSON text messages are accepted";

    /** Null for a TextMessage (to be read as text); the unread body of anything else. */
    public static NonTextBody of(Message message) {
        if (message instanceof TextMessage) {
            return null;
        }
        return new NonTextBody(kind(message), rawBytes(message));
    }

    static String kind(Message message) {
        if (message instanceof ObjectMessage) {
            return "ObjectMessage";
        }
        if (message instanceof BytesMessage) {
            return "BytesMessage";
        }
        if (message instanceof MapMessage) {
            return "MapMessage";
        }
        if (message instanceof StreamMessage) {
            return "StreamMessage";
        }
        return "Message";
    }

    private static byte[] rawBytes(Message message) {
        if (message instanceof ActiveMQMessage artemis) {
            // A read-only copy of the body buffer: no JMS body accessor, so no deserialization and no moved reader.
            ActiveMQBuffer buffer = artemis.getCoreMessage().getReadOnlyBodyBuffer();
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        }
        return new byte[0];
    }
}
