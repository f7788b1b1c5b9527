package com.contactsynchub.command;

import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.apache.camel.Variables;
import org.springframework.stereotype.Component;

import com.contactsynchub.camel.HubHeaders;
import com.contactsynchub.contract.QueueNames;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Turns a command into its JMS message: JSON text, target queue, message group and duplicate-detection id. */
@Component("commandMessages")
public class CommandMessages {

    private final QueueNames queues;
    private final MeterRegistry meters;

    public CommandMessages(QueueNames queues, MeterRegistry meters) {
        this.queues = queues;
        this.meters = meters;
    }

    /** Sets the JMS headers, and the variable {@code hubCommandQueue} that the route's toD sends to. */
    public String toJms(@Body OutboundCommand command, @Headers Map<String, Object> headers,
            @Variables Map<String, Object> variables) {
        headers.clear(); // nothing of the inbound event's headers belongs on the command
        variables.put(HubHeaders.COMMAND_QUEUE, command.channel().queueName(queues));
        headers.put(HubHeaders.GROUP_ID, command.groupId());
        headers.put(HubHeaders.DUPLICATE_ID, command.commandId());
        Counter.builder("hub.commands.out").description("Commands sent to the systems, by type")
                .tag("type", command.type().wireName()).register(meters).increment();
        return command.body().toString();
    }
}
