package com.contactsynchub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.jms.ConnectionFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.contactsynchub.contract.QueueNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What an operator looks at: health, the Hawtio console with the Camel routes, Prometheus metrics. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MonitoringTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    QueueNames queues;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void healthIsUpAndCoversTheBrokerTheDatabaseAndTheRoutes() throws Exception {
        var response = http.getForEntity("/actuator/health", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode health = json.readTree(response.getBody());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/jms/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/camelHealth/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/camelHealth/details").toString()).contains("crm-events", "erp-events");
    }

    @Test
    void hawtioServesItsConsoleAndSeesEveryRouteWithItsStatistics() throws Exception {
        var console = http.getForEntity("/actuator/hawtio/", String.class);
        assertThat(console.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(console.getBody()).containsIgnoringCase("hawtio");

        // Hawtio reads the routes through Jolokia, exactly like this.
        var search = json.readTree(http.getForObject("/actuator/jolokia/search/org.apache.camel:type=routes,*", String.class));
        assertThat(search.path("value").toString()).contains("crm-events", "erp-events");
        String crmRoute = firstMatching(search.path("value"), "crm-events");
        var read = json.readTree(http.getForObject("/actuator/jolokia/read/" + crmRoute + "/ExchangesTotal", String.class));
        assertThat(read.path("status").asInt()).isEqualTo(200);
        assertThat(read.path("value").isNumber()).isTrue();
    }

    @Test
    void prometheusHasCamelRouteMetricsAndTheHubsOwnCounters() {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.convertAndSend(queues.crmEvents(), """
                {"messageId":"%s","type":"contact.deleted","occurredAt":"2026-11-25T09:30:00Z","source":"crm",
                 "contactNo":"CT-METRICS"}""".formatted(UUID.randomUUID()));
        jms.convertAndSend(queues.crmEvents(), "not json");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = http.getForObject("/actuator/prometheus", String.class);
            assertThat(metrics).contains("camel_exchanges_total{");
            assertThat(metrics).containsPattern("camel_exchanges_total\\{[^}]*routeId=\"crm-events\"");
            assertThat(metrics).containsPattern("hub_messages_in_total\\{[^}]*type=\"contact.deleted\"");
            assertThat(metrics).containsPattern("hub_messages_invalid_total\\{[^}]*queue=\"crm.events\"");
        });
    }

    private static String firstMatching(JsonNode names, String fragment) {
        for (JsonNode name : names) {
            if (name.asText().contains(fragment)) {
                return name.asText();
            }
        }
        throw new AssertionError("no MBean for " + fragment + " in " + names);
    }
}
