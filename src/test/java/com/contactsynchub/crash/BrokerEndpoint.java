package com.contactsynchub.crash;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Where the simulated systems reach the broker: the hub's embedded broker through its core acceptor (it dies with
 * the hub), or a standalone broker. Connections give up at once when the broker is gone instead of reconnecting
 * inside the client: the simulator's own loops close and recreate them, so a send or a commit that failed is known
 * to have failed and is repeated. One factory for all connections (closing a factory closes its connections).
 */
final class BrokerEndpoint implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final ActiveMQConnectionFactory factory;

    BrokerEndpoint(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.factory = new ActiveMQConnectionFactory(url
                + "?reconnectAttempts=0&initialConnectAttempts=1&callTimeout=15000&callFailoverTimeout=15000");
    }

    static BrokerEndpoint anonymous(String url) {
        return new BrokerEndpoint(url, null, null);
    }

    String url() {
        return url;
    }

    Connection connect() throws JMSException {
        return user == null ? factory.createConnection() : factory.createConnection(user, password);
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException ignored) {
                // the broker is gone; the connection is dead anyway
            }
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
