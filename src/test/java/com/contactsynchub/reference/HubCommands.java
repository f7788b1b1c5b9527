package com.contactsynchub.reference;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;

import org.springframework.jms.core.JmsTemplate;

import com.contactsynchub.contract.Channel;
import com.contactsynchub.contract.QueueNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Plays the hub in the tests: sends commands to a reference system's command queue as the hub would. */
public class HubCommands {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JmsTemplate jms;
    private final QueueNames queues;

    public HubCommands(ConnectionFactory connectionFactory, QueueNames queues) {
        this.jms = new JmsTemplate(connectionFactory);
        this.queues = queues;
    }

    /** A command with its envelope, commandId and causationId; add the type's fields to it. */
    public static ObjectNode command(String type) {
        ObjectNode command = MAPPER.createObjectNode();
        command.put("messageId", UUID.randomUUID().toString());
        command.put("type", type);
        command.put("occurredAt", OffsetDateTime.now().toString());
        command.put("source", "hub");
        command.put("commandId", "cmd-" + UUID.randomUUID());
        command.put("causationId", UUID.randomUUID().toString());
        return command;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public void send(Channel channel, ObjectNode command) {
        sendText(channel, command.toString());
    }

    public void sendText(Channel channel, String text) {
        jms.send(channel.queueName(queues), session -> session.createTextMessage(text));
    }
}
