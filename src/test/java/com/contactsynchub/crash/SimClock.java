package com.contactsynchub.crash;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock both simulated systems stamp {@code occurredAt} with. Strictly increasing (at least one millisecond
 * per tick, never behind the wall clock), so no two edits tie: under latest-wins the expected winner of every field
 * is then unambiguous, and one record's events carry increasing times in version order.
 */
final class SimClock {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private final AtomicLong last = new AtomicLong();

    long tick() {
        return last.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis()));
    }

    /** RFC 3339 with milliseconds, as the contract's {@code occurredAt} wants. */
    static String iso(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis));
    }
}
