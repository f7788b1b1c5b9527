package com.contactsynchub.command;

import java.util.List;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;

import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.contactsynchub.camel.HubHeaders;
import com.contactsynchub.contract.QueueNames;

/**
 * Sends again the stored commands of a message that was applied before (a redelivery after a crash, or the same
 * message twice). They go out on their own, not in the consumer's JMS transaction: if they did reach the broker
 * the first time, Artemis' duplicate detection drops the copies, and in a transaction such a copy would make the
 * broker refuse the commit of the whole transaction.
 */
@Component
public class CommandResender {

    private final JmsTemplate jms;
    private final QueueNames queues;

    public CommandResender(ConnectionFactory connectionFactory, QueueNames queues) {
        // A connection factory of its own: with the hub's one, JmsTemplate would join the listener's transacted
        // session of the current thread.
        ConnectionFactory own = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null
                ? new CachingConnectionFactory(caching.getTargetConnectionFactory()) : connectionFactory;
        this.jms = new JmsTemplate(own);
        this.jms.setSessionTransacted(false);
        this.queues = queues;
    }

    public void resend(List<OutboundCommand> commands) {
        for (OutboundCommand command : commands) {
            jms.send(command.channel().queueName(queues), session -> {
                TextMessage message = session.createTextMessage(command.body().toString());
                message.setStringProperty(HubHeaders.GROUP_ID, command.groupId());
                message.setStringProperty(HubHeaders.DUPLICATE_ID, command.commandId());
                return message;
            });
        }
    }
}
