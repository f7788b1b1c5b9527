package com.contactsynchub.broker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Empties Artemis' ObjectMessage deserialization allow list and denies every class, for the embedded broker and the
 * hub's clients alike (both read these system properties). The hub never reads an ObjectMessage (the event routes
 * refuse non-text messages unread); this is the second lock, for any code that would call getObject().
 * Set before the first Artemis class reads them; registered in META-INF/spring.factories.
 */
public class NoJmsDeserialization implements EnvironmentPostProcessor {

    public static final String ALLOW_LIST = "org.apache.activemq.artemis.jms.deserialization.allowlist";
    public static final String DENY_LIST = "org.apache.activemq.artemis.jms.deserialization.denylist";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        System.setProperty(ALLOW_LIST, "");
        System.setProperty(DENY_LIST, "*");
    }
}
