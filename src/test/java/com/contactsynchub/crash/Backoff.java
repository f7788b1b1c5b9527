package com.contactsynchub.crash;

/**
 * Pause between attempts to reach a broker that is not there (the hub is restarting): 50 ms doubling up to 1 s.
 * This paces a retry loop; it is not a wait for a condition.
 */
final class Backoff {

    private long millis = 50;

    void pause() throws InterruptedException {
        Thread.sleep(millis);
        millis = Math.min(1_000, millis * 2);
    }
}
