package com.contactsynchub.sync;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.contactsynchub.intake.EventHandler;
import com.contactsynchub.command.OutboundCommand;
import com.contactsynchub.contract.InboundMessage;
import com.contactsynchub.intake.KnownRecord;

/**
 * A test's way to make the hub's database transaction fail once in the middle: armed with a message id, it throws
 * the first time that message is handled (after the sync handler has written its changes), so the transaction
 * rolls back and the broker redelivers. Does nothing for any other message.
 */
public class FailOnceHandler implements EventHandler {

    private final Set<String> armed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger failures = new AtomicInteger();

    public void failOnce(String messageId) {
        armed.add(messageId);
    }

    public int failures() {
        return failures.get();
    }

    @Override
    public boolean handles(InboundMessage message) {
        return armed.contains(message.messageId());
    }

    @Override
    public Optional<String> lockKey(InboundMessage message) {
        return Optional.empty();
    }

    @Override
    public List<OutboundCommand> handle(InboundMessage message, Optional<KnownRecord> before) {
        if (armed.remove(message.messageId())) {
            failures.incrementAndGet();
            throw new IllegalStateException("test: the hub fails once while handling " + message.messageId());
        }
        return List.of();
    }
}
