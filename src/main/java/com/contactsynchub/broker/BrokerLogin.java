package com.contactsynchub.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.NoCacheLoginException;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded broker's login (hub.broker.user / hub.broker.password), when one is configured: every connection,
 * over TCP or in-VM, must give it, and then may do everything (the broker serves the hub and its two systems only).
 * The hub's own in-VM connection factory is given the same login. Without a login nothing changes: security stays
 * off, which {@link com.contactsynchub.security.StartupSafety} allows only for an acceptor on 127.0.0.1.
 */
@Component
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
class BrokerLogin implements BeanPostProcessor {

    // Looked up only for the two beans concerned: a post-processor that needs beans early makes them miss the
    // other post-processors.
    private final ObjectProvider<BrokerProperties> brokerProperties;

    BrokerLogin(ObjectProvider<BrokerProperties> brokerProperties) {
        this.brokerProperties = brokerProperties;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (!(bean instanceof EmbeddedActiveMQ || bean instanceof CachingConnectionFactory
                || bean instanceof ActiveMQConnectionFactory)) {
            return bean;
        }
        BrokerProperties broker = brokerProperties.getObject();
        if (!broker.loginRequired()) {
            return bean;
        }
        // Before the embedded server's init method starts it.
        if (bean instanceof EmbeddedActiveMQ server) {
            server.setSecurityManager(new SingleLogin(broker.user(), broker.password()));
        }
        ActiveMQConnectionFactory factory = bean instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() instanceof ActiveMQConnectionFactory target ? target
                : bean instanceof ActiveMQConnectionFactory direct ? direct : null;
        if (factory != null) {
            factory.setUser(broker.user());
            factory.setPassword(broker.password());
        }
        return bean;
    }

    /** One user with every permission; a wrong or missing login is refused. */
    static final class SingleLogin implements ActiveMQSecurityManager5 {

        private final String user;
        private final byte[] password;

        SingleLogin(String user, String password) {
            this.user = user;
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Subject authenticate(String user, String password, RemotingConnection connection, String domain)
                throws NoCacheLoginException {
            if (!validateUser(user, password)) {
                return null;
            }
            Subject subject = new Subject();
            subject.getPrincipals().add(new UserPrincipal(user));
            return subject;
        }

        @Override
        public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
            return subject != null && !subject.getPrincipals(UserPrincipal.class).isEmpty();
        }

        @Override
        public boolean validateUser(String user, String password) {
            // Constant time: the comparison does not tell how much of the password was right.
            return this.user.equals(user) && password != null
                    && MessageDigest.isEqual(this.password, password.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return validateUser(user, password);
        }
    }
}
