package com.contactsynchub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void fourFailuresAreFreeTheFifthLocksForThirtySeconds() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();

        throttle.failed("admin", "10.0.0.1");

        assertThat(throttle.lockedFor("admin", "10.0.0.1")).contains(Duration.ofSeconds(30));
        now = now.plusSeconds(29);
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).contains(Duration.ofSeconds(1));
        now = now.plusSeconds(1);
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        assertThat(LoginThrottle.lockDuration(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.lockDuration(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LoginThrottle.lockDuration(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(LoginThrottle.lockDuration(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.lockDuration(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theLockIsPerUserAndAddressAndASuccessClearsIt() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("admin", "10.0.0.2")).isEmpty();
        assertThat(throttle.lockedFor("operator", "10.0.0.1")).isEmpty();

        now = now.plusSeconds(30);
        throttle.succeeded("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.lockedFor("admin", "10.0.0.1")).as("counting starts again").isEmpty();
    }

    @Test
    void theUserIsReadFromABasicHeader() {
        assertThat(LoginThrottleFilter.basicUser("Basic YWRtaW46c2VjcmV0")).contains("admin");
        assertThat(LoginThrottleFilter.basicUser("Bearer abc")).isEmpty();
        assertThat(LoginThrottleFilter.basicUser("Basic !!!")).isEmpty();
        assertThat(LoginThrottleFilter.basicUser(null)).isEmpty();
    }
}
