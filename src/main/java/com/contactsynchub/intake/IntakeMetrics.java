package com.contactsynchub.intake;

import org.springframework.stereotype.Component;

import com.contactsynchub.contract.MessageType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The hub's own counters, next to Camel's route metrics on /actuator/prometheus. */
@Component
public class IntakeMetrics {

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void received(MessageType type) {
        Counter.builder("hub.messages.in").description("Valid inbound messages applied, by type")
                .tag("type", type.wireName()).register(registry).increment();
    }

    public void duplicate(MessageType type) {
        Counter.builder("hub.messages.duplicate").description("Inbound messages received again and not re-applied")
                .tag("type", type.wireName()).register(registry).increment();
    }

    public void stale(MessageType type) {
        Counter.builder("hub.messages.stale").description("Events older than what was applied already: no effect")
                .tag("type", type.wireName()).register(registry).increment();
    }

    public void invalid(String queue) {
        Counter.builder("hub.messages.invalid").description("Inbound messages refused as invalid, by queue")
                .tag("queue", queue).register(registry).increment();
    }
}
