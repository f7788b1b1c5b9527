package com.contactsynchub.crash;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every command a system received, by commandId (its idempotency key) with the content it first came with. A
 * commandId that comes again must bring the same content: "the same cause gives the same command"
 * (docs/exactly-once.md).
 *
 * <p>A command can come again for two reasons, counted apart: the hub sent it again (after a crash), or the broker
 * delivers it again because this system's own commit of its receipt failed when the hub died. Only the first are
 * the hub's doing; "commands received" leaves out the second.
 */
final class CommandLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(String type, String firstText, int arrivals, int fromHubAgain) {
    }

    /** A commandId that arrived again with other content. */
    record Mismatch(String commandId, String first, String later) {
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    /** Received, but the receipt is not committed yet (or its commit failed). */
    private final Set<String> uncommitted = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> receivedByType = new ConcurrentHashMap<>();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicLong ownRedeliveries = new AtomicLong();
    private volatile long lastArrivalNanos = System.nanoTime();

    /** Records one arrival; true if this commandId was not seen before (the command must be applied). */
    synchronized boolean arrived(String commandId, String type, String text) {
        arrivals.incrementAndGet();
        lastArrivalNanos = System.nanoTime();
        Entry before = byId.get(commandId);
        boolean ours = before != null && uncommitted.contains(commandId);
        uncommitted.add(commandId);
        if (ours) {
            ownRedeliveries.incrementAndGet();
        } else {
            receivedByType.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
        }
        if (before == null) {
            byId.put(commandId, new Entry(type, text, 1, 0));
            return true;
        }
        byId.put(commandId, new Entry(before.type(), before.firstText(), before.arrivals() + 1,
                before.fromHubAgain() + (ours ? 0 : 1)));
        if (!sameContent(before.firstText(), text)) {
            mismatches.add(new Mismatch(commandId, before.firstText(), text));
        }
        return false;
    }

    /** The receipt of these commands is committed. */
    void committed(Collection<String> commandIds) {
        uncommitted.removeAll(commandIds);
    }

    /** Commands the hub delivered: every arrival except the broker's redeliveries after our failed commits. */
    long received() {
        return arrivals.get() - ownRedeliveries.get();
    }

    long distinct() {
        return byId.size();
    }

    /** Redeliveries because this system's commit of the receipt failed (the hub died meanwhile). */
    long ownRedeliveries() {
        return ownRedeliveries.get();
    }

    /** commandIds the hub sent more than once, all with the same content. */
    synchronized long repeatedWithSameContent() {
        Set<String> differing = ConcurrentHashMap.newKeySet();
        mismatches.forEach(m -> differing.add(m.commandId()));
        return byId.entrySet().stream().filter(e -> e.getValue().fromHubAgain() > 0)
                .filter(e -> !differing.contains(e.getKey())).count();
    }

    synchronized List<Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    Map<String, Long> receivedByType() {
        Map<String, Long> counts = new TreeMap<>();
        receivedByType.forEach((type, count) -> counts.put(type, count.get()));
        return counts;
    }

    long millisSinceLastArrival() {
        return (System.nanoTime() - lastArrivalNanos) / 1_000_000;
    }

    /** Same JSON (key order and formatting aside). */
    private static boolean sameContent(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            JsonNode left = JSON.readTree(a);
            JsonNode right = JSON.readTree(b);
            return left.equals(right);
        } catch (Exception unreadable) {
            return false;
        }
    }
}
