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

    /**
     * Hawtio draws a route from the route's own dump (dumpRouteAsXml over Jolokia) and counts per step and endpoint
     * from the processor and endpoint MBeans: the event routes must show their steps, and the commands must leave
     * through the relay's jms endpoints, counted.
     */
    @Test
    void hawtioShowsTheEventStepsAndTheCommandEndpointsWithTheirCounts() throws Exception {
        String customerNo = "CMON" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        // An unlinked customer: the hub decides to create its contact, one contact.create to crm.commands.
        jms.convertAndSend(queues.erpEvents(), """
                {"messageId":"%s","type":"customer.created","occurredAt":"2026-11-25T09:30:00Z","source":"erp",
                 "customerNo":"%s","contactType":"company","fields":{"name":"Monitoring Ltd."}}"""
                .formatted(UUID.randomUUID(), customerNo));

        assertThat(routeDump("erp-events")).containsSubsequence("id=\"erp-validate\"", "id=\"erp-to-invalid\"",
                "id=\"erp-apply\"", "direct:apply-event");
        assertThat(routeDump("apply-event")).containsSubsequence("databaseTransaction", "id=\"record-once\"",
                "id=\"lock-group\"", "id=\"look-up\"", "id=\"decide\"", "id=\"store\"");
        assertThat(routeDump("command-relay")).containsSubsequence("id=\"claim\"", "direct:send-commands-transacted",
                "id=\"mark-sent\"");
        assertThat(routeDump("send-commands")).containsSubsequence("jms:queue:crm.commands", "jms:queue:erp.commands");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(processorCount("store")).isPositive();
            assertThat(processorCount("to-crm-commands")).as("commands sent through jms:queue:crm.commands")
                    .isPositive();
        });
        var endpoints = json.readTree(http.getForObject("/actuator/jolokia/search/org.apache.camel:type=endpoints,*",
                String.class)).path("value").toString();
        assertThat(endpoints).contains("jms://queue:crm.commands", "jms://queue:erp.commands",
                "jms://queue:crm.events", "jms://queue:erp.events", "jms://queue:hub.invalid");
    }

    private String routeDump(String routeId) throws Exception {
        var search = json.readTree(http.getForObject("/actuator/jolokia/search/org.apache.camel:type=routes,*",
                String.class));
        String mbean = firstMatching(search.path("value"), "name=\"" + routeId + "\"");
        var request = json.createObjectNode().put("type", "exec").put("mbean", mbean)
                .put("operation", "dumpRouteAsXml(boolean)");
        request.putArray("arguments").add(true);
        var answer = json.readTree(http.postForObject("/actuator/jolokia", request, String.class));
        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
        return answer.path("value").asText();
    }

    private long processorCount(String processorId) throws Exception {
        var search = json.readTree(http.getForObject("/actuator/jolokia/search/org.apache.camel:type=processors,*",
                String.class));
        String mbean = firstMatching(search.path("value"), "name=\"" + processorId + "\"");
        var read = json.readTree(http.getForObject("/actuator/jolokia/read/" + mbean + "/ExchangesCompleted",
                String.class));
        return read.path("value").asLong();
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
