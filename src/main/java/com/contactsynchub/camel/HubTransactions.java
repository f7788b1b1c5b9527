package com.contactsynchub.camel;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The two transactions the routes name with {@code transacted: {ref: ...}}:
 * <ul>
 * <li>{@code databaseTransaction}: the hub's database (the event routes' decision, the relay's claim and mark);</li>
 * <li>{@code commandsTransaction}: one JMS session of the Camel {@code jms} component, which the relay's sends to
 * crm.commands and erp.commands join and which commits when the sending route ends.</li>
 * </ul>
 * The JMS transaction manager is no Spring bean on purpose: one would replace Spring Boot's database transaction
 * manager, which is only made when no other exists.
 */
@Configuration(proxyBeanMethods = false)
class HubTransactions {

    @Bean
    SpringTransactionPolicy databaseTransaction(PlatformTransactionManager transactions) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactions);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }

    /**
     * The hub's only connection factory, which the {@code jms} component autowires too: only with the same factory
     * do the endpoints' sends find and join the session this transaction binds to the thread.
     */
    @Bean
    SpringTransactionPolicy commandsTransaction(ConnectionFactory connectionFactory) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(new JmsTransactionManager(connectionFactory));
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }
}
