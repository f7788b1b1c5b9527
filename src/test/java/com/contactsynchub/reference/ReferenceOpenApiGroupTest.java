package com.contactsynchub.reference;

import com.contactsynchub.support.DemoEndToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** In the demo the reference systems' endpoints are documented in a group of their own, not in the hub's API. */
@DemoEndToEnd
class ReferenceOpenApiGroupTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theReferenceSystemsHaveTheirOwnGroup() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode reference = json.readTree(http.getForObject("/v3/api-docs/reference", String.class));
        JsonNode hub = json.readTree(http.getForObject("/v3/api-docs", String.class));

        assertThat(reference.path("paths").has("/reference/crm/contacts")).isTrue();
        reference.path("paths").fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/reference/"));
        reference.path("paths").forEach(path -> path.fields().forEachRemaining(op -> {
            if (java.util.Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                assertThat(op.getValue().path("summary").asText()).startsWith("Reference ");
            }
        }));
        hub.path("paths").fieldNames().forEachRemaining(p -> assertThat(p).startsWith("/api/"));
    }
}
