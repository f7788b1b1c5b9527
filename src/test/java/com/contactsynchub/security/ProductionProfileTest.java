package com.contactsynchub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile's web side (application-production.yml) on a hub that, for the test, keeps its embedded
 * broker and an H2 file: health details only for the logged-in operator, and repeated failed logins locked out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "HUB_ADMIN_PASSWORD=production-admin-secret", "HUB_DB_URL=jdbc:h2:file:${hub.data-dir}/db/hub",
        "HUB_DB_USER=sa", "HUB_DB_PASSWORD=h2-test-password-1",
        "spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true", "server.address=127.0.0.1",
        "spring.flyway.connect-retries=0"})
@ActiveProfiles({"production", "test"})
class ProductionProfileTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthShowsTheStatusToAnyoneAndTheDetailsOnlyToTheOperator() {
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).isEqualTo("{\"status\":\"UP\"}");

        ResponseEntity<String> operator = http.withBasicAuth("admin", "production-admin-secret")
                .getForEntity("/actuator/health", String.class);
        assertThat(operator.getBody()).contains("\"components\"").contains("\"db\"").contains("\"details\"");
    }

    @Test
    void repeatedFailedLoginsLockTheUserOutFromThatAddress() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(http.withBasicAuth("admin", "guess-" + i).getForEntity("/api/links", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        ResponseEntity<String> right = http.withBasicAuth("admin", "production-admin-secret")
                .getForEntity("/api/links", String.class);
        assertThat(right.getStatusCode()).as("even the right password waits").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(right.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(right.getBody()).contains("Too many failed logins");
        // Another user name from the same address is not locked out by the guesser.
        assertThat(http.withBasicAuth("someone-else", "x").getForEntity("/api/links", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
