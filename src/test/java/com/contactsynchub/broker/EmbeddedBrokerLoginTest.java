package com.contactsynchub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.contract.HubHeaders;
import com.contactsynchub.contract.QueueNames;
import com.contactsynchub.support.BrokerClient;
import com.contactsynchub.support.FreePort;

/**
 * With hub.broker.user/password the embedded broker's core acceptor takes no anonymous client and no wrong
 * password, while the hub itself (in-VM, same login) goes on consuming.
 */
@SpringBootTest(properties = {"hub.broker.user=systems", "hub.broker.password=broker-secret-for-tests"})
@ActiveProfiles("test")
class EmbeddedBrokerLoginTest {

    private static final int PORT = FreePort.onLoopback();

    @DynamicPropertySource
    static void acceptor(DynamicPropertyRegistry registry) {
        registry.add("hub.broker.core-acceptor", () -> "tcp://127.0.0.1:" + PORT);
    }

    @Autowired
    QueueNames queues;

    @Test
    void outsideClientsNeedTheLoginAndTheHubStillConsumes() throws Exception {
        String url = "tcp://127.0.0.1:" + PORT;
        try (var anonymous = new ActiveMQConnectionFactory(url)) {
            anonymous.setReconnectAttempts(0);
            assertThatThrownBy(() -> anonymous.createConnection().close()).isInstanceOf(JMSSecurityException.class);
        }
        try (var wrong = new ActiveMQConnectionFactory(url, "systems", "wrong-password")) {
            wrong.setReconnectAttempts(0);
            assertThatThrownBy(() -> wrong.createConnection().close()).isInstanceOf(JMSSecurityException.class);
        }
        try (BrokerClient client = new BrokerClient(url, "systems", "broker-secret-for-tests")) {
            client.send(queues.crmEvents(), "not json", Map.of());
            Message refused = client.receive(queues.invalid(), 30_000);
            assertThat(refused).as("refused by the hub, which consumed it in-VM").isNotNull();
            assertThat(BrokerClient.property(refused, HubHeaders.INVALID_REASON))
                    .startsWith("the message is not valid JSON");
        }
    }
}
