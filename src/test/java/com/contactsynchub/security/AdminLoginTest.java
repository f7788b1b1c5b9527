package com.contactsynchub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.admin.username=operator", "hub.admin.password=s3cret-for-tests"})
@ActiveProfiles("test")
class AdminLoginTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theAdminApiAndTheConsolesNeedTheOperatorsLogin() {
        assertThat(http.getForEntity("/api/events", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/jolokia/version", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("operator", "wrong").getForEntity("/api/events", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(http.withBasicAuth("operator", "s3cret-for-tests").getForEntity("/api/events", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theOperatorConsoleNeedsTheSameLogin() {
        for (String page : new String[] {"/", "/console/messages", "/console/conflicts", "/console/imports",
                "/console/console.css"}) {
            ResponseEntity<String> anonymous = http.getForEntity(page, String.class);
            assertThat(anonymous.getStatusCode()).as(page).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(page).startsWith("Basic");
        }
        HttpHeaders form = new HttpHeaders();
        form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(http.exchange("/console/message/discard", HttpMethod.POST,
                new HttpEntity<>("queue=hub.invalid&id=ID:1&reason=x", form), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> overview = http.withBasicAuth("operator", "s3cret-for-tests")
                .getForEntity("/", String.class);
        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overview.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(overview.getBody()).contains("Overview");
    }

    @Test
    void healthStaysOpenForLoadBalancers() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
