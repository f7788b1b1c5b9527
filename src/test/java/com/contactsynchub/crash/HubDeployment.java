package com.contactsynchub.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.contactsynchub.support.ArtemisCli;
import com.contactsynchub.support.FreePort;
import com.contactsynchub.support.PostgresTestDatabase;
import com.contactsynchub.support.StandaloneArtemis;

/**
 * The hub process(es) of a run and the broker the simulated systems talk to: either one hub on its embedded
 * defaults (persistent Artemis inside the hub, reached over its core acceptor; H2 file database or PostgreSQL), or
 * two hubs in the production profile sharing a standalone Artemis (docker/artemis/broker.xml) and PostgreSQL.
 * The first hub is the one that gets killed; the last one is asked over HTTP (in the shared setup it never dies).
 */
public final class HubDeployment implements AutoCloseable {

    /** Automatic contacts off: the test links records by request (as application-test.yml does for demo). */
    private static final String NO_AUTOMATIC_CONTACTS = "--hub.setup.contact-nos=";

    private final List<HubProcess> hubs;
    private final BrokerEndpoint broker;
    private final StandaloneArtemis standalone;

    private HubDeployment(List<HubProcess> hubs, BrokerEndpoint broker, StandaloneArtemis standalone) {
        this.hubs = List.copyOf(hubs);
        this.broker = broker;
        this.standalone = standalone;
    }

    static HubDeployment create(CrashScenario scenario, Path runDir) {
        return scenario.hubs() == 1 ? embedded(scenario.database(), runDir) : sharedBroker(scenario.hubs(), runDir);
    }

    /** One hub on its embedded defaults, with its own data directory; killed and restarted on the same ports. */
    static HubDeployment embedded(CrashScenario.Database database, Path runDir) {
        return embedded(database == CrashScenario.Database.POSTGRES, runDir, HubProcess.JVM_OPTIONS);
    }

    /** One hub on its embedded defaults (H2, or PostgreSQL) with the given JVM options (the benchmark's). */
    public static HubDeployment embedded(boolean postgres, Path runDir, List<String> jvmOptions) {
        int httpPort = FreePort.onLoopback();
        int brokerPort = FreePort.onLoopback();
        String acceptor = "tcp://127.0.0.1:" + brokerPort;
        List<String> args = new ArrayList<>(List.of(
                "--hub.data-dir=" + runDir.resolve("data-hub-1").toAbsolutePath(),
                "--server.port=" + httpPort,
                "--hub.broker.core-acceptor=" + acceptor,
                NO_AUTOMATIC_CONTACTS));
        if (postgres) {
            args.addAll(postgres(PostgresTestDatabase.freshSchema()));
        }
        args.addAll(extraArguments());
        HubProcess hub = new HubProcess("hub-1", HubProcess.packagedJar(), args, Map.of(),
                runDir.resolve("hub-1.log"), new HubApi(httpPort, null, null), jvmOptions);
        return new HubDeployment(List.of(hub), BrokerEndpoint.anonymous(acceptor), null);
    }

    /** Hubs in the production profile on one standalone Artemis and one PostgreSQL schema. */
    static HubDeployment sharedBroker(int count, Path runDir) {
        return sharedBroker(count, runDir, HubProcess.JVM_OPTIONS);
    }

    /** Hubs in the production profile on one standalone Artemis and PostgreSQL, with the given JVM options. */
    public static HubDeployment sharedBroker(int count, Path runDir, List<String> jvmOptions) {
        ArtemisCli.Credentials login = new ArtemisCli.Credentials("hub", "crash-" + UUID.randomUUID());
        StandaloneArtemis artemis = StandaloneArtemis.create(ArtemisCli.fromBuild(), runDir.resolve("broker"), login);
        artemis.start();
        String schema = PostgresTestDatabase.freshSchema();
        String adminPassword = "crash-admin-" + UUID.randomUUID();
        List<HubProcess> hubs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int httpPort = FreePort.onLoopback();
            List<String> args = new ArrayList<>(List.of(
                    "--spring.profiles.active=production",
                    "--HUB_BROKER_URL=" + artemis.url() + "?reconnectAttempts=-1",
                    "--HUB_BROKER_USER=" + login.user(),
                    "--HUB_BROKER_PASSWORD=" + login.password(),
                    "--HUB_DB_URL=" + PostgresTestDatabase.urlFor(schema),
                    "--HUB_DB_USER=" + PostgresTestDatabase.USER,
                    "--HUB_DB_PASSWORD=" + PostgresTestDatabase.PASSWORD,
                    "--HUB_ADMIN_PASSWORD=" + adminPassword,
                    "--HUB_DATA_DIR=" + runDir.resolve("data-hub-" + i).toAbsolutePath(),
                    "--spring.flyway.schemas=" + schema,
                    "--spring.flyway.default-schema=" + schema,
                    // Production listens on every interface; a test only on this machine.
                    "--server.address=127.0.0.1",
                    "--server.port=" + httpPort,
                    NO_AUTOMATIC_CONTACTS));
            args.addAll(extraArguments());
            hubs.add(new HubProcess("hub-" + i, HubProcess.packagedJar(), args, Map.of(),
                    runDir.resolve("hub-" + i + ".log"), new HubApi(httpPort, "admin", adminPassword), jvmOptions));
        }
        return new HubDeployment(hubs, new BrokerEndpoint(artemis.url(), login.user(), login.password()), artemis);
    }

    /**
     * More arguments for every hub, from the system property {@code crash.hub-args} (separated by blanks), to try
     * a setting without touching the test, e.g. (single-quoted in the shell)
     * {@code -Dcrash.hub-args=--spring.datasource.url=jdbc:h2:file:${hub.data-dir}/db/hub;WRITE_DELAY=0}.
     */
    private static List<String> extraArguments() {
        String extra = System.getProperty("crash.hub-args", "").strip();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    private static List<String> postgres(String schema) {
        return List.of("--spring.datasource.url=" + PostgresTestDatabase.urlFor(schema),
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema);
    }

    /**
     * Starts the hubs one after the other (the first one migrates the database and loads the setup alone) and
     * returns how long the first took to be ready.
     */
    public Duration start(Duration atMost) {
        Duration first = null;
        for (HubProcess hub : hubs) {
            hub.start();
            Duration took = hub.awaitReady(atMost);
            if (first == null) {
                first = took;
            }
        }
        return first;
    }

    public List<HubProcess> hubs() {
        return hubs;
    }

    /** The hub that is killed. */
    HubProcess victim() {
        return hubs.get(0);
    }

    /** The hub asked over HTTP once all are up (with two, the one that is never killed). */
    public HubApi api() {
        return hubs.get(hubs.size() - 1).api();
    }

    public BrokerEndpoint broker() {
        return broker;
    }

    boolean allAlive() {
        return hubs.stream().allMatch(HubProcess::isAlive);
    }

    @Override
    public void close() {
        hubs.forEach(HubProcess::stop);
        broker.close();
        if (standalone != null) {
            standalone.stop();
        }
    }
}
