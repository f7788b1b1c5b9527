package com.contactsynchub.command;

import java.util.List;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.contactsynchub.camel.HubHeaders;
import com.contactsynchub.contract.QueueNames;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends commands decided outside the event routes (admin actions, file imports) with the same message shape as the
 * routes. Inside a database transaction the sends join it: the JMS session commits right after the database does;
 * outside one each send commits on its own.
 */
@Component
public class CommandSender {

    private final JmsTemplate jms;
    private final QueueNames queues;
    private final MeterRegistry meters;

    public CommandSender(ConnectionFactory connectionFactory, QueueNames queues, MeterRegistry meters) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.queues = queues;
        this.meters = meters;
    }

    public void send(List<OutboundCommand> commands) {
        for (OutboundCommand command : commands) {
            jms.send(command.channel().queueName(queues), session -> {
                TextMessage message = session.createTextMessage(command.body().toString());
                message.setStringProperty(HubHeaders.GROUP_ID, command.groupId());
                message.setStringProperty(HubHeaders.DUPLICATE_ID, command.commandId());
                return message;
            });
            Counter.builder("hub.commands.out").description("Commands sent to the systems, by type")
                    .tag("type", command.type().wireName()).register(meters).increment();
        }
    }
}
