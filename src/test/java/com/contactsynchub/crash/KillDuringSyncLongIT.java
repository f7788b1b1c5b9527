package com.contactsynchub.crash;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.contactsynchub.crash.CrashScenario.Database;

/**
 * The long crash test, only with {@code mvn verify -Pcrash-long} (the profile sets {@code crash.long=true} and runs
 * nothing else): two hubs in the production profile share a standalone Artemis (the 2.40 distribution with
 * docker/artemis/broker.xml) and PostgreSQL; one of them is killed {@value #KILLS} times during 50,000 edits while
 * the other keeps working. Same checks as {@link KillDuringSyncIT}, against a run of the same edits without kills
 * (no outages to replay here: the systems never lose the broker, and the other hub goes on deciding).
 * Settings: {@code crash.seed}, {@code crash.edits}, {@code crash.groups}, {@code crash.rate}, {@code crash.kills}.
 */
@EnabledIfSystemProperty(named = "crash.long", matches = "true")
class KillDuringSyncLongIT {

    static final int KILLS = 20;

    @Test
    @Timeout(value = 6, unit = TimeUnit.HOURS)
    void twoHubsOnAStandaloneBrokerOneKilledRepeatedly() throws Exception {
        long seed = Long.getLong("crash.seed", ThreadLocalRandom.current().nextLong(1, 1_000_000));
        int kills = Integer.getInteger("crash.kills", KILLS);
        System.out.printf("[crash] KillDuringSyncLongIT: seed %d (repeat with -Dcrash.seed=%d)%n", seed, seed);
        CrashScenario crashed = new CrashScenario("long-kills", seed, Integer.getInteger("crash.groups", 50),
                Integer.getInteger("crash.edits", 50_000), Double.parseDouble(System.getProperty("crash.rate", "0")),
                kills, Database.POSTGRES, 2);
        CrashRunReport withKills = new CrashRun(crashed, CrashRun.dirFor(crashed.name()), List.of()).run();
        // No outages to replay: the standalone broker and the other hub stay up while one hub is dead.
        CrashScenario calm = crashed.withName("long-no-kills").withKills(0).withRate(withKills.editsPerSecond);
        CrashRunReport withoutKills = new CrashRun(calm, CrashRun.dirFor(calm.name()), List.of()).run();

        CrashComparison comparison = new CrashComparison(withoutKills, withKills);
        System.out.println(comparison.summary());
        List<String> problems = comparison.problems();
        if (!problems.isEmpty()) {
            fail(comparison.summary() + "\n\n" + String.join("\n\n", problems));
        }
    }
}
