package com.contactsynchub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.support.ArtemisCli;
import com.contactsynchub.support.ContactCreatedMessages;
import com.contactsynchub.support.FreePort;

/**
 * The hub with its embedded broker, fed by the real {@code artemis} CLI through the core acceptor
 * ({@code hub.broker.core-acceptor}) as the contact system would: a separate process, over TCP.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class OutsideClientIT {

    private static final int PORT = FreePort.onLoopback();
    private static final String URL = "tcp://127.0.0.1:" + PORT;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ArtemisCli cli = ArtemisCli.fromBuild();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JmsTemplate jms;

    @DynamicPropertySource
    static void coreAcceptor(DynamicPropertyRegistry registry) {
        registry.add("hub.broker.core-acceptor", () -> URL);
    }

    @Test
    void validMessageFromTheCliIsRecordedAndInvalidOneArrivesOnHubInvalidUnchanged() throws JMSException {
        String validId = "cli-" + UUID.randomUUID();
        String invalidId = "cli-" + UUID.randomUUID();
        String invalid = ContactCreatedMessages.nameTooLong(invalidId, "CT900002");

        cli.sendText(URL, ArtemisCli.Credentials.NONE, "crm.events", ContactCreatedMessages.valid(validId, "CT900001"))
                .orFail();
        cli.sendText(URL, ArtemisCli.Credentials.NONE, "crm.events", invalid).orFail();

        await().atMost(PATIENCE).until(() -> recorded(validId));
        assertThat(jdbc.queryForObject("select type from inbound_message where message_id = ?", String.class, validId))
                .isEqualTo("contact.created");

        jms.setReceiveTimeout(PATIENCE.toMillis());
        Message refused = jms.receive("hub.invalid");
        assertThat(refused).as("a message on hub.invalid").isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) refused).getText()).isEqualTo(invalid);
        assertThat(refused.getStringProperty(HubHeaders.INVALID_REASON)).contains("fields.name");
        assertThat(refused.getStringProperty(HubHeaders.ORIGINAL_QUEUE)).isEqualTo("crm.events");
        assertThat(refused.getStringProperty(HubHeaders.INVALID_AT)).isNotBlank();
        assertThat(recorded(invalidId)).isFalse();
    }

    private boolean recorded(String messageId) {
        Integer count = jdbc.queryForObject("select count(*) from inbound_message where message_id = ?",
                Integer.class, messageId);
        return count != null && count == 1;
    }
}
