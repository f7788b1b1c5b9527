package com.contactsynchub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** /v3/api-docs describes the admin API well enough to be used without reading the code. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenApiDocumentTest {

    @Autowired
    TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theDocumentHasATitleAVersionBasicLoginAndTheProblemShape() throws Exception {
        JsonNode doc = read("/v3/api-docs");

        assertThat(doc.at("/info/title").asText()).isEqualTo("Contact Sync Hub API");
        assertThat(doc.at("/info/version").asText()).isNotBlank().isNotEqualTo("v0");
        assertThat(doc.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
        assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(doc.at("/security/0").has("basicAuth")).isTrue();
        assertThat(doc.at("/components/schemas/Problem/properties").has("detail")).isTrue();
    }

    @Test
    void everyOperationHasASummaryAndItsProblemResponses() throws Exception {
        JsonNode doc = read("/v3/api-docs");
        List<String> operations = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        List<String> withoutProblems = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            if (op.getValue().path("summary").asText().isBlank()) {
                withoutSummary.add(name);
            }
            for (String status : List.of("400", "401", "404", "500")) {
                if (!op.getValue().at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText()
                        .equals("#/components/schemas/Problem")) {
                    withoutProblems.add(name + " " + status);
                }
            }
        }));

        assertThat(operations).hasSizeGreaterThan(25).allMatch(o -> o.contains(" /api/"));
        assertThat(withoutSummary).isEmpty();
        assertThat(withoutProblems).isEmpty();
    }

    @Test
    void theHubsGroupHoldsTheAdminApiAndNoReferenceSystem() throws Exception {
        JsonNode hub = read("/v3/api-docs/hub");

        assertThat(hub.path("paths").has("/api/links")).isTrue();
        assertThat(http.getForEntity("/v3/api-docs/reference", String.class).getStatusCode())
                .as("no reference group outside the demo").isEqualTo(HttpStatus.NOT_FOUND);
    }

    private JsonNode read(String path) throws Exception {
        var answer = http.getForEntity(path, String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }
}
