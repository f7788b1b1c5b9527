package com.contactsynchub.command;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code hub.commands.unsent}: the commands decided and committed but not yet handed to the broker by the relay (all
 * hub instances). Near zero in normal running; growing means the relay cannot reach the broker.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final CommandOutbox outbox;

    OutboxMetrics(CommandOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("hub.commands.unsent", outbox, CommandOutbox::unsentCount)
                .description("Commands stored in the outbox and not yet sent by the command relay")
                .register(registry);
    }
}
