package com.contactsynchub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

import com.contactsynchub.ContactSyncHubApplication;
import com.contactsynchub.support.ContactCreatedMessages;
import com.contactsynchub.support.FreePort;
import com.contactsynchub.support.PostgresTestDatabase;
import com.contactsynchub.support.TcpForwarder;

/**
 * The production profile's database settings: a hub started before its PostgreSQL is reachable waits for it
 * (Flyway's connection retries) instead of failing, then migrates and works.
 */
class DatabaseComesUpLaterIT {

    @Test
    void theHubWaitsForItsDatabaseAndThenWorks() throws Exception {
        String schema = PostgresTestDatabase.freshSchema();
        int pgPort = URI.create(PostgresTestDatabase.URL.substring("jdbc:".length())).getPort();
        try (TcpForwarder database = new TcpForwarder(FreePort.onLoopback(), pgPort == -1 ? 5432 : pgPort)) {
            String url = PostgresTestDatabase.urlFor(schema).replaceFirst(":" + (pgPort == -1 ? 5432 : pgPort) + "/",
                    ":" + database.port() + "/");
            CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                    new SpringApplicationBuilder(ContactSyncHubApplication.class)
                            .profiles("production", "test")
                            .run("--HUB_DB_URL=" + url,
                                    "--HUB_DB_USER=" + PostgresTestDatabase.USER,
                                    "--HUB_DB_PASSWORD=" + PostgresTestDatabase.PASSWORD,
                                    "--HUB_ADMIN_PASSWORD=it-admin-password",
                                    "--spring.flyway.schemas=" + schema,
                                    "--spring.flyway.default-schema=" + schema,
                                    "--spring.flyway.connect-retries-interval=1s",
                                    // the broker is not what this test is about: the embedded one
                                    "--spring.artemis.mode=embedded",
                                    "--spring.artemis.embedded.enabled=true",
                                    "--server.address=127.0.0.1"));

            Thread.sleep(4_000);
            assertThat(starting).as("the hub is still waiting for its database").isNotDone();
            database.start();

            try (ConfigurableApplicationContext hub = starting.get()) {
                String messageId = "db-later-" + UUID.randomUUID();
                hub.getBean(JmsTemplate.class).convertAndSend("crm.events",
                        ContactCreatedMessages.valid(messageId, "CT900030"));
                await().atMost(Duration.ofSeconds(30)).until(() -> hub.getBean(JdbcTemplate.class).queryForObject(
                        "select count(*) from inbound_message where message_id = ?", Integer.class, messageId) == 1);
            }
        }
    }
}
