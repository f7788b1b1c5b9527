package com.contactsynchub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of the admin password: after {@link #FREE_FAILURES} failed logins in a row for one user from
 * one address, that user is locked out from that address, first for {@link #FIRST_LOCK}, doubling with every
 * further failure up to {@link #LONGEST_LOCK}. While locked even the right password is not tried. A success clears
 * the record. Other users and other addresses are not affected, so a guesser cannot lock the operator out
 * everywhere.
 */
public class LoginThrottle {

    public static final int FREE_FAILURES = 5;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    public static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** Records of addresses that stopped trying are forgotten after this long, so the map cannot grow for ever. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant lockedUntil, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this user must still wait from this address; empty when it may try. */
    public Optional<Duration> lockedFor(String user, String address) {
        Failures f = failures.get(key(user, address));
        Instant now = clock.instant();
        if (f == null || f.lockedUntil() == null || !now.isBefore(f.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.lockedUntil()));
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        failures.compute(key(user, address), (k, f) -> {
            int count = (f == null ? 0 : f.count()) + 1;
            Instant lockedUntil = count < FREE_FAILURES ? null : now.plus(lockDuration(count));
            return new Failures(count, lockedUntil, now);
        });
    }

    public void succeeded(String user, String address) {
        failures.remove(key(user, address));
    }

    /** 30 s at the 5th failure, doubling after each further one, at most 15 minutes. */
    static Duration lockDuration(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private static String key(String user, String address) {
        return user + "\u0000" + address;
    }
}
