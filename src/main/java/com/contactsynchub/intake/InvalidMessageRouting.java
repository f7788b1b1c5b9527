package com.contactsynchub.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.contract.QueueNames;

/** Turns a refused message back into its original text with the reason as headers, ready for hub.invalid. */
@Component("invalidMessageRouting")
public class InvalidMessageRouting {

    private final QueueNames queues;
    private final Clock clock;

    public InvalidMessageRouting(QueueNames queues, Clock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    /** The original text, or for a message that was not text its bytes as the broker holds them (a BytesMessage). */
    public Object toInvalidQueue(@Body IntakeEvent refused, @Headers Map<String, Object> headers) {
        headers.put(HubHeaders.INVALID_REASON, refused.invalidReason());
        headers.put(HubHeaders.ORIGINAL_QUEUE, refused.channel().queueName(queues));
        headers.put(HubHeaders.INVALID_AT, OffsetDateTime.now(clock).toString());
        if (refused.nonText() != null) {
            headers.put(HubHeaders.ORIGINAL_MESSAGE_KIND, refused.nonText().kind());
            return refused.nonText().bytes();
        }
        return refused.body();
    }
}
