package com.contactsynchub.crash;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Where the simulated systems reach the broker: the hub's embedded broker through its core acceptor (it dies with
 * the hub), or a standalone broker. Connections give up at once when the broker is gone instead of reconnecting
 * inside the client: the simulator's own loops close and recreate them, so a send or a commit that failed is known
 * to have failed and is repeated. One factory for all connections (closing a factory closes its connections).
 */
public final class BrokerEndpoint implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final ActiveMQConnectionFactory factory;
    /** Connections made and not closed yet, so that {@link #cutOff()} can drop them all. */
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cutOff;

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

    public String url() {
        return url;
    }

    public Connection connect() throws JMSException {
        if (cutOff) {
            throw new JMSException("The simulated outage cuts the systems off the broker");
        }
        Connection connection = user == null ? factory.createConnection() : factory.createConnection(user, password);
        open.add(connection);
        return connection;
    }

    /**
     * The systems lose the broker as if the hub had died, but nothing happens to the hub: every connection is
     * closed (uncommitted work of the systems is rolled back) and no new one is made until {@link #restore()}. The
     * run without kills replays the outages of the run with kills this way, so both see the same backlogs.
     */
    void cutOff() {
        cutOff = true;
        open.forEach(BrokerEndpoint::closeQuietly);
    }

    void restore() {
        cutOff = false;
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

    /** Closes a connection of this endpoint. */
    public void release(Connection connection) {
        if (connection != null) {
            open.remove(connection);
            closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}
