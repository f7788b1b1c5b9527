package com.contactsynchub.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A system's events waiting to reach the hub, in the order they happened. The simulated system never crashes, so
 * this in-memory outbox plays the part of a real system's durable outbox: while the hub (and with it the embedded
 * broker) is down, users keep editing and their events wait here.
 */
final class EventOutbox {

    /** One event, with the messageId it keeps through every retry. */
    record Outgoing(String messageId, String groupId, String text) {
    }

    private final LinkedBlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    /** Queued plus the one being sent: zero only when everything reached the broker. */
    private final AtomicInteger unsent = new AtomicInteger();

    void add(Outgoing event) {
        unsent.incrementAndGet();
        queue.add(event);
    }

    /** The next events to send, oldest first, at most {@code max}; empty after {@code millis} without any. */
    List<Outgoing> next(int max, long millis) throws InterruptedException {
        Outgoing first = queue.poll(millis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Outgoing> batch = new ArrayList<>();
        batch.add(first);
        queue.drainTo(batch, max - 1);
        return batch;
    }

    /** The publisher got the broker's confirmation for events taken with {@link #next}. */
    void sent(int count) {
        unsent.addAndGet(-count);
    }

    int unsent() {
        return unsent.get();
    }
}
