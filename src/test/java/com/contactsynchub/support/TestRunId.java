package com.contactsynchub.support;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context started by the tests one id of its own, {@code hub.test-run-id}, resolved once:
 * {@code ${random.uuid}} would give a new value at each use, so the folders derived from {@code hub.data-dir}
 * (database, broker journal, inbox) would not share a parent.
 */
public class TestRunId implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("testRunId",
                Map.of("hub.test-run-id", UUID.randomUUID().toString())));
    }
}
