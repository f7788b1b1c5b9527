package com.contactsynchub.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * The outages of a run with kills, replayed without killing anything: at the same edit the systems are cut off
 * the broker for as long as the killed hub took to be ready again. The hub then meets the same backlogs (and the
 * conflicts they bring: edits both sides made while they could not see each other) as in the run with kills, so
 * the two runs differ only in the kills themselves, and extra commands can be told from legitimate ones.
 */
final class OutageReplay implements Runnable {

    /** One outage: from the edit it began at, for how long. */
    record Outage(int atEdit, Duration length) {

        static List<Outage> of(List<Killer.Kill> kills) {
            return kills.stream().map(k -> new Outage(k.editsMade(), k.restart())).toList();
        }
    }

    private final BrokerEndpoint broker;
    private final EditStream stream;
    private final List<Outage> outages;
    private final List<Outage> done = new ArrayList<>();
    private volatile Throwable failure;
    private Thread thread;

    OutageReplay(BrokerEndpoint broker, EditStream stream, List<Outage> outages) {
        this.broker = broker;
        this.stream = stream;
        this.outages = List.copyOf(outages);
    }

    void start() {
        thread = new Thread(this, "crash-outages");
        thread.setDaemon(true);
        thread.start();
    }

    void join() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new IllegalStateException("The outage replay failed: " + failure.getMessage(), failure);
        }
    }

    synchronized List<Outage> done() {
        return List.copyOf(done);
    }

    @Override
    public void run() {
        try {
            for (Outage outage : outages) {
                Awaitility.await("edit " + outage.atEdit()).atMost(Duration.ofHours(2))
                        .pollInterval(Duration.ofMillis(20)).pollInSameThread()
                        .until(() -> stream.made() >= outage.atEdit() || stream.isDone());
                broker.cutOff();
                try {
                    Thread.sleep(outage.length().toMillis()); // the outage itself, not a wait for a condition
                } finally {
                    broker.restore();
                }
                synchronized (this) {
                    done.add(outage);
                }
                System.out.printf("[crash] outage %d/%d: systems cut off at edit %d for %s%n", done.size(),
                        outages.size(), outage.atEdit(), CrashRunReport.secs(outage.length()));
            }
        } catch (Throwable e) {
            failure = e;
            broker.restore();
        }
    }
}
