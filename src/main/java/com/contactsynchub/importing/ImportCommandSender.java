package com.contactsynchub.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

import com.contactsynchub.camel.HubHeaders;
import com.contactsynchub.command.CommandMessages;
import com.contactsynchub.command.OutboundCommand;

/**
 * Sends the commands the intake decided for an imported row, in one JMS transaction per row, with the same message
 * shape as the event routes (CommandMessages: JSON text, JMSXGroupID, _AMQ_DUPL_ID, target queue). A row that is
 * imported again after a crash re-sends the same commands with the same ids; the broker drops the copies.
 */
@Component
public class ImportCommandSender {

    private final JmsTemplate jms;
    private final CommandMessages messages;

    public ImportCommandSender(ConnectionFactory connectionFactory, CommandMessages messages) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.messages = messages;
    }

    public void send(List<OutboundCommand> commands) {
        if (commands.isEmpty()) {
            return;
        }
        jms.execute(session -> {
            for (OutboundCommand command : commands) {
                Map<String, Object> headers = new HashMap<>();
                Map<String, Object> variables = new HashMap<>();
                String text = messages.toJms(command, headers, variables);
                TextMessage message = session.createTextMessage(text);
                for (var header : headers.entrySet()) {
                    message.setStringProperty(header.getKey(), String.valueOf(header.getValue()));
                }
                try (MessageProducer producer = session.createProducer(
                        session.createQueue((String) variables.get(HubHeaders.COMMAND_QUEUE)))) {
                    producer.send(message);
                }
            }
            JmsUtils.commitIfNecessary(session);
            return null;
        }, true);
    }
}
