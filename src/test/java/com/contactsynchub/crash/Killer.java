package com.contactsynchub.crash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.awaitility.Awaitility;

/**
 * Kills the hub with SIGKILL at seeded random moments of the edit stream and restarts it on the same data and
 * ports each time. The moments are edit counts spread over the stream (5 % to 80 % of it, so the last restart
 * still sees edits coming); a kill also waits until the hub has been up for a random 1-4 s since its last restart,
 * so that every kill hits a hub that is busy with messages, not one that is still starting.
 */
final class Killer implements Runnable {

    /** One kill and the restart after it. */
    record Kill(int no, Instant at, int editsMade, boolean duringStream, long pid, Duration restart) {
    }

    private final HubProcess victim;
    private final EditStream stream;
    private final List<Integer> atEdits;
    private final Random random;
    private final Duration readyTimeout;
    private final List<Kill> kills = new ArrayList<>();
    private volatile Throwable failure;
    private Thread thread;

    Killer(HubProcess victim, EditStream stream, int edits, int count, long seed, Duration readyTimeout) {
        this.victim = victim;
        this.stream = stream;
        this.random = new Random(seed ^ 0x6b696c6cL);
        this.atEdits = plan(random, edits, count);
        this.readyTimeout = readyTimeout;
    }

    static List<Integer> plan(Random random, int edits, int count) {
        TreeSet<Integer> at = new TreeSet<>();
        int from = Math.max(1, edits / 20);
        int to = Math.max(from + count, edits * 4 / 5);
        while (at.size() < count) {
            at.add(from + random.nextInt(to - from));
        }
        return List.copyOf(at);
    }

    List<Integer> plannedAtEdits() {
        return atEdits;
    }

    void start() {
        thread = new Thread(this, "crash-killer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the last restart; rethrows what went wrong in the killer. */
    void join() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new IllegalStateException("The killer failed: " + failure.getMessage(), failure);
        }
    }

    synchronized List<Kill> kills() {
        return List.copyOf(kills);
    }

    @Override
    public void run() {
        try {
            Instant readySince = Instant.now();
            for (int i = 0; i < atEdits.size(); i++) {
                int target = atEdits.get(i);
                Awaitility.await("edit " + target).atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(20))
                        .pollInSameThread().until(() -> stream.made() >= target || stream.isDone());
                long uptime = 1_000 + random.nextInt(3_000);
                long left = Duration.between(Instant.now(), readySince.plusMillis(uptime)).toMillis();
                if (left > 0) {
                    Thread.sleep(left); // the random moment itself, not a wait for a condition
                }
                long pid = victim.pid();
                Instant at = Instant.now();
                int editsMade = stream.made();
                boolean duringStream = !stream.isDone();
                victim.kill();
                victim.start();
                Duration restart = victim.awaitReady(readyTimeout);
                readySince = Instant.now();
                synchronized (this) {
                    kills.add(new Kill(i + 1, at, editsMade, duringStream, pid, restart));
                }
                System.out.printf("[crash] kill %d/%d: pid %d at edit %d%s, ready again after %.1f s%n", i + 1,
                        atEdits.size(), pid, editsMade, duringStream ? "" : " (after the edit stream)",
                        restart.toMillis() / 1000.0);
            }
        } catch (Throwable e) {
            failure = e;
        }
    }
}
