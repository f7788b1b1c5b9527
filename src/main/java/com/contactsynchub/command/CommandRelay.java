package com.contactsynchub.command;

import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.contactsynchub.contract.HubHeaders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The steps of the command relay (routes/commands/command-relay.camel.yaml): claim the oldest unsent commands of
 * the outbox, turn each into its JMS message for the route's {@code jms:} endpoints, and mark them sent once the
 * broker has committed them. See docs/exactly-once.md for the order of the commits and what a crash between them
 * does.
 */
@Component("commandRelay")
public class CommandRelay {

    private final CommandOutbox outbox;
    private final MeterRegistry meters;
    private final int batchSize;

    public CommandRelay(CommandOutbox outbox, MeterRegistry meters,
            @Value("${hub.relay.batch-size:200}") int batchSize) {
        this.outbox = outbox;
        this.meters = meters;
        this.batchSize = batchSize;
    }

    /**
     * Step "claim": the relay's lock (held until the relay's database transaction ends, so one relay works at a time
     * across hub instances), then the oldest unsent commands in the order they were stored.
     */
    public List<UnsentCommand> claim() {
        outbox.lockRelay();
        return outbox.oldestUnsent(batchSize);
    }

    /**
     * Step "to message": the command as the systems receive it: its JSON text, JMSXGroupID = the target record (one
     * record's commands are consumed in order) and the broker's duplicate-detection id = the commandId (a command
     * sent again after a crash is dropped by the broker).
     */
    public String toMessage(@Body UnsentCommand unsent, @Headers Map<String, Object> headers) {
        OutboundCommand command = unsent.command();
        headers.put(HubHeaders.GROUP_ID, command.groupId());
        headers.put(HubHeaders.DUPLICATE_ID, command.commandId());
        return command.body().toString();
    }

    /** Step "mark sent": after the broker committed them; in the relay's database transaction. */
    public void markSent(@Body List<UnsentCommand> sent) {
        outbox.markSent(sent);
        for (UnsentCommand unsent : sent) {
            Counter.builder("hub.commands.out").description("Commands sent to the systems, by type")
                    .tag("type", unsent.command().type().wireName()).register(meters).increment();
        }
    }

    /** Whether the batch was full: then more may be waiting and the relay goes round again at once. */
    public boolean full(@Body List<UnsentCommand> batch) {
        return batch.size() >= batchSize;
    }
}
