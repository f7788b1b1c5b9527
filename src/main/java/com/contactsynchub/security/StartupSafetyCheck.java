package com.contactsynchub.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;

/**
 * Runs {@link StartupSafety} as soon as the configuration is read, before the broker, the database or the web server
 * is opened, so an unsafe hub never listens at all. Registered in META-INF/spring.factories.
 */
public class StartupSafetyCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = StartupSafety.problems(settings(environment,
                Arrays.asList(environment.getActiveProfiles()).contains("production")));
        if (!problems.isEmpty()) {
            throw new UnsafeConfigurationException(problems);
        }
    }

    static StartupSafety.Settings settings(PropertyResolver env, boolean production) {
        return new StartupSafety.Settings(production,
                get(env, "hub.admin.password"),
                get(env, "server.address"),
                !"native".equalsIgnoreCase(get(env, "spring.artemis.mode")),
                get(env, "hub.broker.core-acceptor"),
                get(env, "hub.broker.user"),
                get(env, "hub.broker.password"),
                get(env, "spring.artemis.broker-url"),
                get(env, "spring.artemis.user"),
                get(env, "spring.artemis.password"),
                get(env, "spring.datasource.url"),
                get(env, "spring.datasource.password"));
    }

    /** An unresolvable ${VARIABLE} is returned as written, so that it is reported as a placeholder, not a crash. */
    private static String get(PropertyResolver env, String name) {
        try {
            return env.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return "${" + name + "}";
        }
    }

    /** After Spring Boot has read application.yml and the profiles' files. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
