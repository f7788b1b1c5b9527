package com.contactsynchub.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Users editing both systems: a fixed number of edits at a fixed rate, each on a random member of a random group,
 * changing one or two of five text fields that contacts, customers and vendors all have. The choices come from the
 * seed alone, so a run with kills and one without make exactly the same edits; only the timing differs. Each value
 * names its edit ("City 4711"), so a wrong value in the end says which edit it came from.
 */
final class EditStream {

    /** Text fields every record type has (contract/CommonField, schemas/common.schema.json). */
    static final List<String> FIELDS = List.of("name", "address", "city", "phoneNo", "email");

    private final List<Group> groups;
    private final SystemsSimulator simulator;
    private final GroundTruth truth;
    private final long seed;
    private final int edits;
    private final double perSecond;
    private final AtomicInteger made = new AtomicInteger();
    private volatile long startedNanos;
    private volatile long finishedNanos;
    private Thread thread;

    EditStream(List<Group> groups, SystemsSimulator simulator, GroundTruth truth, long seed, int edits,
            double perSecond) {
        this.groups = List.copyOf(groups);
        this.simulator = simulator;
        this.truth = truth;
        this.seed = seed;
        this.edits = edits;
        this.perSecond = perSecond;
    }

    static String value(String field, long editNo, int group) {
        return switch (field) {
            case "name" -> "Name " + editNo + " of group " + group;
            case "address" -> editNo + " Edit Street";
            case "city" -> "City " + editNo;
            case "phoneNo" -> "+1 555 " + editNo;
            case "email" -> "e" + editNo + "@g" + group + ".example.com";
            default -> throw new IllegalArgumentException(field);
        };
    }

    void start() {
        thread = new Thread(this::run, "sim-users");
        thread.setDaemon(true);
        thread.start();
    }

    int made() {
        return made.get();
    }

    boolean isDone() {
        return finishedNanos != 0;
    }

    void join() throws InterruptedException {
        thread.join();
    }

    Duration duration() {
        return Duration.ofNanos((finishedNanos == 0 ? System.nanoTime() : finishedNanos) - startedNanos);
    }

    private void run() {
        Random random = new Random(seed);
        startedNanos = System.nanoTime();
        for (int editNo = 1; editNo <= edits; editNo++) {
            // Paced to the rate, whatever the hub does: users do not wait for it.
            long due = startedNanos + (long) ((editNo - 1) * 1_000_000_000.0 / perSecond);
            long ahead = due - System.nanoTime();
            if (ahead > 0) {
                LockSupport.parkNanos(ahead);
            }
            Group group = groups.get(random.nextInt(groups.size()));
            List<SimRecord> members = group.members();
            SimRecord record = members.get(random.nextInt(members.size()));
            List<String> fields = new ArrayList<>(FIELDS);
            Collections.shuffle(fields, random);
            Map<String, String> changes = new LinkedHashMap<>();
            for (String field : fields.subList(0, 1 + random.nextInt(2))) {
                changes.put(field, value(field, editNo, group.index()));
            }
            long occurredAt = simulator.owner(record).userEdit(record, changes, "edit #" + editNo);
            for (Map.Entry<String, String> change : changes.entrySet()) {
                truth.edited(group.index(), change.getKey(),
                        new GroundTruth.Edit(editNo, record.toString(), occurredAt, change.getValue()));
            }
            made.set(editNo);
        }
        finishedNanos = System.nanoTime();
    }
}
