package com.contactsynchub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
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
    void healthStaysOpenForLoadBalancers() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
