package com.contactsynchub.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.contactsynchub.ContactSyncHubApplication;

/**
 * The whole application started with unsafe settings refuses, before it opens a port, with the line naming the
 * variable. (Each start fails while the configuration is read, so these tests take no broker or database.)
 */
class ProductionStartRefusalTest {

    private static final String[] PRODUCTION = {
            "--HUB_DB_URL=jdbc:postgresql://db.example:5432/hub", "--HUB_DB_USER=hub",
            "--HUB_DB_PASSWORD=a-database-secret", "--HUB_BROKER_URL=tcp://broker.example:61616",
            "--HUB_BROKER_USER=hub", "--HUB_BROKER_PASSWORD=a-broker-secret-1",
            // Should a start get past the check, it fails at once instead of waiting 5 minutes for the database.
            "--spring.flyway.connect-retries=0"};

    @Test
    void productionWithoutTheAdminPasswordDoesNotStart() {
        assertRefused(production(), "HUB_ADMIN_PASSWORD (hub.admin.password) is not set");
    }

    @Test
    void productionWithAnEmptyAdminPasswordDoesNotStart() {
        assertRefused(production("--HUB_ADMIN_PASSWORD="), "HUB_ADMIN_PASSWORD (hub.admin.password) is not set");
    }

    @Test
    void productionWithThePlaceholderOfEnvExampleDoesNotStart() {
        assertRefused(production("--HUB_ADMIN_PASSWORD=change-me-admin-password"),
                "HUB_ADMIN_PASSWORD (hub.admin.password) is a placeholder");
        assertRefused(production("--HUB_ADMIN_PASSWORD=a-good-admin-secret", "--HUB_DB_PASSWORD=change-me-db-password"),
                "HUB_DB_PASSWORD (spring.datasource.password) is a placeholder");
        assertRefused(production("--HUB_ADMIN_PASSWORD=a-good-admin-secret",
                "--HUB_BROKER_PASSWORD=change-me-broker-password"),
                "HUB_BROKER_PASSWORD (spring.artemis.password) is a placeholder");
    }

    @Test
    void productionWithAShortAdminPasswordDoesNotStart() {
        assertRefused(production("--HUB_ADMIN_PASSWORD=short-pw"),
                "HUB_ADMIN_PASSWORD (hub.admin.password) has 8 characters: at least 12 are required");
    }

    @Test
    void anyProfileOnEveryInterfaceWithoutALoginDoesNotStart() {
        assertRefused(new String[] {"--spring.profiles.active=test", "--server.address=0.0.0.0"},
                "HUB_ADMIN_PASSWORD (hub.admin.password) is not set, but server.address is 0.0.0.0");
    }

    @Test
    void anEmbeddedBrokerListeningBeyondLoopbackWithoutALoginDoesNotStart() {
        assertRefused(new String[] {"--spring.profiles.active=test",
                "--hub.broker.core-acceptor=tcp://0.0.0.0:61699"},
                "HUB_BROKER_USER and HUB_BROKER_PASSWORD (hub.broker.user, hub.broker.password) are not both set");
    }

    /** The good production settings with some replaced (a repeated argument would be joined with a comma). */
    private static String[] production(String... more) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : PRODUCTION) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : more) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        args.put("--spring.profiles.active", "--spring.profiles.active=production,test");
        return args.values().toArray(String[]::new);
    }

    private static void assertRefused(String[] args, String line) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ContactSyncHubApplication.class).run(args).close())
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining(line);
    }
}
