package com.contactsynchub.reference;

import jakarta.jms.ConnectionFactory;

import org.springframework.boot.autoconfigure.jms.DefaultJmsListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;

/**
 * The listener containers of the reference systems' command queues: transacted JMS sessions, so a command whose
 * processing fails (database down, a bug) goes back to the broker and is redelivered (then dead-lettered) instead
 * of being lost. Commands the system refuses are not failures: they are consumed and acknowledged as rejected.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class ReferenceJmsConfiguration {

    public static final String LISTENER_FACTORY = "referenceListenerFactory";

    @Bean(LISTENER_FACTORY)
    DefaultJmsListenerContainerFactory referenceListenerFactory(
            DefaultJmsListenerContainerFactoryConfigurer configurer, ConnectionFactory connectionFactory) {
        DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setSessionTransacted(true);
        factory.setTransactionManager(null);
        // Two consumers: commands for different records run side by side, one record's stay in order (JMSXGroupID).
        factory.setConcurrency("2");
        return factory;
    }
}
