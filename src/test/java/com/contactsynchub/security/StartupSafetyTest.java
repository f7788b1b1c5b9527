package com.contactsynchub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartupSafetyTest {

    private static final String GOOD = "a-real-secret-42";
    private static final String POSTGRES = "jdbc:postgresql://postgres:5432/hub";
    private static final String BROKER = "tcp://artemis:61616?reconnectAttempts=-1";

    @Test
    void embeddedDefaultsOnLoopbackNeedNoLogin() {
        assertThat(StartupSafety.problems(embedded(null, "127.0.0.1", "tcp://127.0.0.1:61616", "", ""))).isEmpty();
        assertThat(StartupSafety.problems(embedded("", "localhost", "", "", ""))).isEmpty();
    }

    @Test
    void outsideLoopbackAMissingAdminLoginIsRefusedWhateverTheProfile() {
        assertThat(StartupSafety.problems(embedded("", "0.0.0.0", "", "", "")))
                .singleElement().asString().startsWith("HUB_ADMIN_PASSWORD (hub.admin.password) is not set")
                .contains("server.address is 0.0.0.0");
        assertThat(StartupSafety.problems(embedded(null, null, "", "", "")))
                .singleElement().asString().contains("every interface");
    }

    @Test
    void anEmbeddedAcceptorBeyondLoopbackNeedsABrokerLogin() {
        assertThat(StartupSafety.problems(embedded("", "127.0.0.1", "tcp://0.0.0.0:61616", "", "")))
                .singleElement().asString().startsWith("HUB_BROKER_USER and HUB_BROKER_PASSWORD")
                .contains("tcp://0.0.0.0:61616");
        assertThat(StartupSafety.problems(embedded("", "127.0.0.1", "tcp://0.0.0.0:61616", "hub", "short")))
                .singleElement().asString().isEqualTo("HUB_BROKER_PASSWORD (hub.broker.password) has 5 characters: "
                        + "at least 12 are required");
        assertThat(StartupSafety.problems(embedded("", "127.0.0.1", "tcp://0.0.0.0:61616", "hub", GOOD))).isEmpty();
    }

    @Test
    void productionNeedsARealAdminPassword() {
        assertThat(StartupSafety.problems(production(null, GOOD, "hub", GOOD))).singleElement().asString()
                .isEqualTo("HUB_ADMIN_PASSWORD (hub.admin.password) is not set: the production profile needs it, "
                        + "at least 12 characters");
        assertThat(StartupSafety.problems(production("", GOOD, "hub", GOOD))).singleElement().asString()
                .startsWith("HUB_ADMIN_PASSWORD (hub.admin.password) is not set");
        assertThat(StartupSafety.problems(production("change-me-admin-password", GOOD, "hub", GOOD)))
                .singleElement().asString().startsWith("HUB_ADMIN_PASSWORD (hub.admin.password) is a placeholder");
        assertThat(StartupSafety.problems(production("${HUB_ADMIN_PASSWORD}", GOOD, "hub", GOOD)))
                .singleElement().asString().contains("is a placeholder");
        assertThat(StartupSafety.problems(production("elevenchars", GOOD, "hub", GOOD))).singleElement().asString()
                .isEqualTo("HUB_ADMIN_PASSWORD (hub.admin.password) has 11 characters: at least 12 are required");
        assertThat(StartupSafety.problems(production(GOOD, GOOD, "hub", GOOD))).isEmpty();
    }

    @Test
    void productionNeedsRealDatabaseAndBrokerPasswordsWhereTheyAreRequired() {
        assertThat(StartupSafety.problems(production(GOOD, "", "hub", GOOD))).singleElement().asString()
                .startsWith("HUB_DB_PASSWORD (spring.datasource.password) is not set");
        assertThat(StartupSafety.problems(production(GOOD, "change-me-db-password", "hub", GOOD)))
                .singleElement().asString().startsWith("HUB_DB_PASSWORD (spring.datasource.password) is a placeholder");
        assertThat(StartupSafety.problems(production(GOOD, GOOD, "hub", "change-me-broker-password")))
                .singleElement().asString().startsWith("HUB_BROKER_PASSWORD (spring.artemis.password) is a placeholder");
        assertThat(StartupSafety.problems(production(GOOD, GOOD, "", ""))).containsExactly(
                "HUB_BROKER_USER (spring.artemis.user) is not set: the production profile logs in to a broker that "
                        + "is not on 127.0.0.1",
                "HUB_BROKER_PASSWORD (spring.artemis.password) is not set: the production profile needs it, at least "
                        + "12 characters");
        // A database and a broker on this machine may trust local connections: no password required, as in CI.
        assertThat(StartupSafety.problems(new StartupSafety.Settings(true, GOOD, "0.0.0.0", false, "", "", "",
                "tcp://127.0.0.1:61616?reconnectAttempts=-1", "", "", "jdbc:postgresql://127.0.0.1:5432/test", "")))
                .isEmpty();
        assertThat(StartupSafety.problems(new StartupSafety.Settings(true, GOOD, "0.0.0.0", false, "", "", "",
                BROKER, "hub", GOOD, "", GOOD))).singleElement().asString().startsWith("HUB_DB_URL");
    }

    @Test
    void loopbackAndHosts() {
        assertThat(StartupSafety.isLoopback("127.0.0.1")).isTrue();
        assertThat(StartupSafety.isLoopback("[::1]")).isTrue();
        assertThat(StartupSafety.isLoopback("0.0.0.0")).isFalse();
        assertThat(StartupSafety.isLoopback("127.0.0.1.example.com")).isFalse();
        assertThat(StartupSafety.hostOf("tcp://0.0.0.0:61616?protocols=CORE")).isEqualTo("0.0.0.0");
        assertThat(StartupSafety.hostOf("postgresql://db:5432/hub")).isEqualTo("db");
    }

    private static StartupSafety.Settings embedded(String admin, String address, String acceptor, String user,
            String password) {
        return new StartupSafety.Settings(false, admin, address, true, acceptor, user, password, null, null, null,
                "jdbc:h2:file:./data/db/hub", "");
    }

    private static StartupSafety.Settings production(String admin, String db, String brokerUser, String broker) {
        return new StartupSafety.Settings(true, admin, "0.0.0.0", false, "", "", "", BROKER, brokerUser, broker,
                POSTGRES, db);
    }
}
