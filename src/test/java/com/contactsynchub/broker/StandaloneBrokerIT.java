package com.contactsynchub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

import com.contactsynchub.ContactSyncHubApplication;
import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.support.ArtemisCli;
import com.contactsynchub.support.ContactCreatedMessages;
import com.contactsynchub.support.PostgresTestDatabase;
import com.contactsynchub.support.StandaloneArtemis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hub as it runs in production: profile {@code production} (native Artemis with reconnectAttempts=-1,
 * PostgreSQL) against a standalone broker made from the Artemis distribution with docker/artemis/broker.xml, and
 * the real {@code artemis} CLI as the contact system. The test profile on top only gives fresh folders and port 0.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneBrokerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ArtemisCli.Credentials LOGIN = new ArtemisCli.Credentials("hub", "it-" + UUID.randomUUID());

    private static ArtemisCli cli;
    private static StandaloneArtemis broker;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void createBroker() {
        cli = ArtemisCli.fromBuild();
        broker = StandaloneArtemis.create(cli, Path.of("target", "artemis-it"), LOGIN);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    @Order(1)
    void hubStartsWithoutItsBrokerAndCatchesUpWhenTheBrokerComesUp() throws Exception {
        broker.stop();
        try (ConfigurableApplicationContext hub = startHub()) {
            JsonNode down = health(hub);
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.path("components").path("jms").path("status").asText()).isEqualTo("DOWN");

            broker.start();
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "UP".equals(health(hub).path("status").asText()));

            String messageId = "late-broker-" + UUID.randomUUID();
            cli.sendText(broker.url(), LOGIN, "crm.events", ContactCreatedMessages.valid(messageId, "CT900010"))
                    .orFail();
            await().atMost(PATIENCE).until(() -> recorded(hub, messageId));
        }
    }

    @Test
    @Order(2)
    void validAndInvalidMessagesFromTheCliFlowThroughTheStandaloneBroker() throws JMSException {
        broker.start();
        try (ConfigurableApplicationContext hub = startHub()) {
            String validId = "standalone-" + UUID.randomUUID();
            String invalidId = "standalone-" + UUID.randomUUID();
            String invalid = ContactCreatedMessages.nameTooLong(invalidId, "CT900012");

            cli.sendText(broker.url(), LOGIN, "crm.events", ContactCreatedMessages.valid(validId, "CT900011")).orFail();
            cli.sendText(broker.url(), LOGIN, "crm.events", invalid).orFail();

            await().atMost(PATIENCE).until(() -> recorded(hub, validId));

            JmsTemplate jms = hub.getBean(JmsTemplate.class);
            jms.setReceiveTimeout(PATIENCE.toMillis());
            Message refused = jms.receive("hub.invalid");
            assertThat(refused).as("a message on hub.invalid").isInstanceOf(TextMessage.class);
            assertThat(((TextMessage) refused).getText()).isEqualTo(invalid);
            assertThat(refused.getStringProperty(HubHeaders.INVALID_REASON)).contains("fields.name");
            assertThat(refused.getStringProperty(HubHeaders.ORIGINAL_QUEUE)).isEqualTo("crm.events");
            assertThat(recorded(hub, invalidId)).isFalse();
        }
    }

    @Test
    @Order(3)
    void hubRidesOutABrokerRestart() {
        broker.start();
        try (ConfigurableApplicationContext hub = startHub()) {
            String before = "before-restart-" + UUID.randomUUID();
            cli.sendText(broker.url(), LOGIN, "crm.events", ContactCreatedMessages.valid(before, "CT900020")).orFail();
            await().atMost(PATIENCE).until(() -> recorded(hub, before));

            broker.stop();
            broker.start();

            String after = "after-restart-" + UUID.randomUUID();
            cli.sendText(broker.url(), LOGIN, "crm.events", ContactCreatedMessages.valid(after, "CT900021")).orFail();
            await().atMost(PATIENCE).until(() -> recorded(hub, after));
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> "UP".equals(health(hub).path("status").asText()));
        }
    }

    /** The hub with the production profile; the test profile after it only gives fresh folders and port 0. */
    private static ConfigurableApplicationContext startHub() {
        String schema = PostgresTestDatabase.freshSchema();
        return new SpringApplicationBuilder(ContactSyncHubApplication.class)
                .profiles("production", "test")
                .run("--HUB_BROKER_URL=" + broker.url() + "?reconnectAttempts=-1",
                        "--HUB_BROKER_USER=" + LOGIN.user(),
                        "--HUB_BROKER_PASSWORD=" + LOGIN.password(),
                        "--HUB_DB_URL=" + PostgresTestDatabase.urlFor(schema),
                        "--HUB_DB_USER=" + PostgresTestDatabase.USER,
                        "--HUB_DB_PASSWORD=" + PostgresTestDatabase.PASSWORD,
                        "--HUB_ADMIN_PASSWORD=it-admin-password",
                        "--spring.flyway.schemas=" + schema,
                        "--spring.flyway.default-schema=" + schema,
                        "--spring.flyway.connect-retries=0",
                        // Production listens on every interface; a test only on this machine.
                        "--server.address=127.0.0.1");
    }

    private JsonNode health(ConfigurableApplicationContext hub) throws IOException, InterruptedException {
        String port = hub.getEnvironment().getProperty("local.server.port");
        // In production the components (jms, db) are shown to the logged-in operator only.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "admin:it-admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static boolean recorded(ConfigurableApplicationContext hub, String messageId) {
        Integer count = hub.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from inbound_message where message_id = ?", Integer.class, messageId);
        return count != null && count == 1;
    }
}
