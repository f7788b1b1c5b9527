package com.contactsynchub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

import com.contactsynchub.ContactSyncHubApplication;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.support.ContactCreatedMessages;
import com.contactsynchub.support.FreePort;
import com.contactsynchub.support.PostgresTestDatabase;
import com.contactsynchub.support.TcpForwarder;

/**
 * The database goes away while the hub runs: messages wait on the broker (not on the dead-letter queue) and are
 * applied once it is back, without an operator.
 */
class DatabaseOutageIT {

    @Test
    void messagesWaitForTheDatabaseInsteadOfBeingDeadLettered() throws Exception {
        String schema = PostgresTestDatabase.freshSchema();
        int pgPort = URI.create(PostgresTestDatabase.URL.substring("jdbc:".length())).getPort();
        int target = pgPort == -1 ? 5432 : pgPort;
        TcpForwarder database = new TcpForwarder(FreePort.onLoopback(), target);
        database.start();
        String url = PostgresTestDatabase.urlFor(schema).replaceFirst(":" + target + "/", ":" + database.port() + "/");
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(ContactSyncHubApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--spring.flyway.schemas=" + schema,
                        "--spring.flyway.default-schema=" + schema)) {
            JmsTemplate jms = hub.getBean(JmsTemplate.class);
            QueueNames queues = hub.getBean(QueueNames.class);
            String first = "before-outage-" + UUID.randomUUID();
            jms.convertAndSend(queues.crmEvents(), ContactCreatedMessages.valid(first, "CT900040"));
            await().atMost(Duration.ofSeconds(20)).until(() -> recorded(hub, first));

            database.close();
            String during = "during-outage-" + UUID.randomUUID();
            jms.convertAndSend(queues.crmEvents(), ContactCreatedMessages.valid(during, "CT900041"));
            // Far longer than the broker's redelivery attempts take in this profile (5 x at most 0.5 s).
            Thread.sleep(8_000);
            database.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> recorded(hub, during));
            jms.setReceiveTimeout(1_000);
            assertThat(jms.receive(queues.deadLetter())).as("nothing dead-lettered").isNull();
        } finally {
            database.close();
        }
    }

    private static boolean recorded(ConfigurableApplicationContext hub, String messageId) {
        try {
            Integer count = hub.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from inbound_message where message_id = ?", Integer.class, messageId);
            return count != null && count == 1;
        } catch (RuntimeException databaseNotBackYet) {
            return false;
        }
    }
}
