package com.contactsynchub.console;

import jakarta.jms.ConnectionFactory;

import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.connection.DelegatingConnectionFactory;

/** The broker's own connection factory behind Spring's caching wrappers. */
final class JmsConnections {

    private JmsConnections() {
    }

    /**
     * The console opens a connection of its own for each action: the cached factory keeps a consumer open per
     * selector, and such a cached consumer would hold the operator's message back from the next receive.
     */
    static ConnectionFactory unwrap(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (true) {
            if (current instanceof CachingConnectionFactory caching && caching.getTargetConnectionFactory() != null) {
                current = caching.getTargetConnectionFactory();
            } else if (current instanceof DelegatingConnectionFactory delegating
                    && delegating.getTargetConnectionFactory() != null) {
                current = delegating.getTargetConnectionFactory();
            } else {
                return current;
            }
        }
    }
}
