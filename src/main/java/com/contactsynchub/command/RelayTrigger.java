package com.contactsynchub.command;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Wakes the command relay (route command-relay) when new commands have committed, so they leave at once instead of
 * at the relay's next poll. The wake-ups coalesce: the relay's queue holds one, a second one while it waits is
 * dropped (the relay reads everything unsent anyway).
 */
@Component
public class RelayTrigger {

    /** The relay's wake-up queue; the route command-relay consumes it. */
    public static final String ENDPOINT = "seda:command-relay";

    private final CamelContext camel;
    private volatile ProducerTemplate producer;

    public RelayTrigger(@Lazy CamelContext camel) {
        this.camel = camel;
    }

    public void wake() {
        if (!camel.isStarted()) {
            return; // the relay's first poll at start finds whatever is waiting
        }
        ProducerTemplate p = producer;
        if (p == null) {
            p = camel.createProducerTemplate();
            producer = p;
        }
        p.sendBody(ENDPOINT + "?blockWhenFull=false&discardWhenFull=true", "wake");
    }
}
