package com.contactsynchub.crash;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import com.contactsynchub.crash.CrashScenario.Database;

/**
 * The packaged hub, killed with SIGKILL in the middle of a two-way edit stream, must end exactly where it would have
 * ended without the kills: every group converged on the latest edit of each field, no command changed its content
 * between sends, nothing dead-lettered, and about as many commands as without kills.
 *
 * <p>The hub runs as a separate process ({@code java -jar}) on its embedded defaults (persistent Artemis inside the
 * hub, H2 file database, then once more with PostgreSQL); the test is its two outside systems, over TCP only (core
 * protocol on the hub's acceptor, HTTP for readiness and the journal). Each database gets a run with
 * {@value #KILLS} kills, then a run of the same edits (same seed, same pace) without kills, in which the systems are
 * cut off the broker at the same edits for as long as the killed hub was down ({@link OutageReplay}): an outage alone
 * makes both sides edit without seeing each other, and the conflicts that follow cost commands a correct hub must
 * send too. So the commands of the two runs may differ by at most 10 %, and what is beyond that is the kills' doing.
 *
 * <p>Run: {@code mvn -B verify -Dit.test=KillDuringSyncIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 * (the failsafe phase runs after {@code package}; PostgreSQL as for the other tests, see README).
 *
 * <p>Settings (system properties): {@code crash.seed} (default random, printed), {@code crash.edits} (10000),
 * {@code crash.groups} (50), {@code crash.rate} (edits/s; default derived from the hub's start time so the kills
 * fit in the stream), {@code crash.kills} (5). Logs, data and reports: target/crash-it/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KillDuringSyncIT {

    static final int KILLS = 5;
    static final long SEED = Long.getLong("crash.seed", ThreadLocalRandom.current().nextLong(1, 1_000_000));

    @Test
    @Order(1)
    @Timeout(value = 45, unit = TimeUnit.MINUTES)
    void h2FileDatabase() throws Exception {
        compareWithAndWithoutKills(Database.H2, "h2");
    }

    @Test
    @Order(2)
    @Timeout(value = 45, unit = TimeUnit.MINUTES)
    void postgres() throws Exception {
        compareWithAndWithoutKills(Database.POSTGRES, "pg");
    }

    private static void compareWithAndWithoutKills(Database database, String prefix) throws Exception {
        int kills = Integer.getInteger("crash.kills", KILLS);
        System.out.printf("[crash] KillDuringSyncIT %s: seed %d (repeat with -Dcrash.seed=%d)%n", database, SEED, SEED);
        CrashScenario crashed = new CrashScenario(prefix + "-kills", SEED, Integer.getInteger("crash.groups", 50),
                Integer.getInteger("crash.edits", 10_000), Double.parseDouble(System.getProperty("crash.rate", "0")),
                kills, database, 1);
        CrashRunReport withKills = new CrashRun(crashed, CrashRun.dirFor(crashed.name()), List.of()).run();
        // The same edits at the same pace, the same outages replayed, no kill: the baseline for the commands.
        CrashScenario calm = crashed.withName(prefix + "-no-kills").withKills(0).withRate(withKills.editsPerSecond);
        CrashRunReport withoutKills = new CrashRun(calm, CrashRun.dirFor(calm.name()),
                OutageReplay.Outage.of(withKills.kills)).run();

        CrashComparison comparison = new CrashComparison(withoutKills, withKills);
        System.out.println(comparison.summary());
        List<String> problems = comparison.problems();
        if (!problems.isEmpty()) {
            fail(comparison.summary() + "\n\n" + String.join("\n\n", problems));
        }
    }
}
