package com.contactsynchub.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings the hub refuses to start with, as plain rules: a hub reachable from other machines without a login,
 * and in the production profile secrets that are missing, placeholders or too short. Each problem is one line that
 * names the environment variable (and the property) to fix.
 */
public final class StartupSafety {

    /** Shortest accepted secret in production. */
    public static final int MIN_SECRET_LENGTH = 12;

    /**
     * What the hub is about to start with.
     *
     * @param production        the production profile is active
     * @param adminPassword     hub.admin.password
     * @param serverAddress     server.address (null: every interface)
     * @param embeddedBroker    the broker runs inside the hub (spring.artemis.mode embedded)
     * @param coreAcceptor      hub.broker.core-acceptor of the embedded broker (blank: none)
     * @param brokerUser        hub.broker.user: the login outside clients need on the embedded broker's acceptor
     * @param brokerPassword    hub.broker.password
     * @param clientBrokerUrl   spring.artemis.broker-url: the standalone broker the hub connects to (production)
     * @param clientBrokerUser  spring.artemis.user
     * @param clientBrokerPassword spring.artemis.password
     * @param databaseUrl       spring.datasource.url
     * @param databasePassword  spring.datasource.password
     */
    public record Settings(boolean production, String adminPassword, String serverAddress, boolean embeddedBroker,
            String coreAcceptor, String brokerUser, String brokerPassword, String clientBrokerUrl,
            String clientBrokerUser, String clientBrokerPassword, String databaseUrl, String databasePassword) {
    }

    private StartupSafety() {
    }

    /** Every reason not to start, one line each; empty when the settings are safe. */
    public static List<String> problems(Settings s) {
        List<String> problems = new ArrayList<>();
        if (s.production()) {
            requiredSecret("HUB_ADMIN_PASSWORD (hub.admin.password)", s.adminPassword()).ifPresent(problems::add);
        } else if (isBlank(s.adminPassword()) && !isLoopback(s.serverAddress())) {
            problems.add("HUB_ADMIN_PASSWORD (hub.admin.password) is not set, but server.address is "
                    + (isBlank(s.serverAddress()) ? "every interface" : s.serverAddress())
                    + ": outside 127.0.0.1 the admin API needs a login");
        }
        if (s.embeddedBroker() && !isBlank(s.coreAcceptor()) && !isLoopback(hostOf(s.coreAcceptor()))) {
            if (isBlank(s.brokerUser()) || isBlank(s.brokerPassword())) {
                problems.add("HUB_BROKER_USER and HUB_BROKER_PASSWORD (hub.broker.user, hub.broker.password) are not "
                        + "both set, but the embedded broker's core acceptor " + s.coreAcceptor()
                        + " listens beyond 127.0.0.1: outside 127.0.0.1 the broker needs a login");
            } else {
                secretProblem("HUB_BROKER_PASSWORD (hub.broker.password)", s.brokerPassword()).ifPresent(problems::add);
            }
        }
        if (!s.production()) {
            return problems;
        }
        if (isBlank(s.databaseUrl())) {
            problems.add("HUB_DB_URL (spring.datasource.url) is not set: the production profile needs the JDBC URL "
                    + "of its PostgreSQL");
        }
        // A database or broker on this machine may trust local connections without a password; one elsewhere may not.
        boolean localDatabase = isLoopback(hostOf(s.databaseUrl() == null ? null : s.databaseUrl().replaceFirst("^jdbc:", "")));
        if (!isBlank(s.databasePassword()) || !localDatabase) {
            requiredSecret("HUB_DB_PASSWORD (spring.datasource.password)", s.databasePassword()).ifPresent(problems::add);
        }
        if (!s.embeddedBroker()) {
            boolean localBroker = isLoopback(hostOf(firstUrl(s.clientBrokerUrl())));
            if (!isBlank(s.clientBrokerUser()) || !isBlank(s.clientBrokerPassword()) || !localBroker) {
                if (isBlank(s.clientBrokerUser())) {
                    problems.add("HUB_BROKER_USER (spring.artemis.user) is not set: the production profile logs in "
                            + "to a broker that is not on 127.0.0.1");
                }
                requiredSecret("HUB_BROKER_PASSWORD (spring.artemis.password)", s.clientBrokerPassword())
                        .ifPresent(problems::add);
            }
        }
        return problems;
    }

    private static Optional<String> requiredSecret(String name, String value) {
        if (isBlank(value)) {
            return Optional.of(name + " is not set: the production profile needs it, at least " + MIN_SECRET_LENGTH
                    + " characters");
        }
        return secretProblem(name, value);
    }

    private static Optional<String> secretProblem(String name, String value) {
        if (isPlaceholder(value)) {
            return Optional.of(name + " is a placeholder ('" + shorten(value) + "'): replace it with a real secret of at "
                    + "least " + MIN_SECRET_LENGTH + " characters");
        }
        int length = value.codePointCount(0, value.length());
        if (length < MIN_SECRET_LENGTH) {
            return Optional.of(name + " has " + length + " characters: at least " + MIN_SECRET_LENGTH + " are required");
        }
        return Optional.empty();
    }

    /** The values of .env.example ({@code change-me-...}) and an unresolved {@code ${VARIABLE}}. */
    static boolean isPlaceholder(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("change-me") || lower.startsWith("changeme") || lower.contains("${");
    }

    /** True for 127.x.x.x, ::1 and localhost; null or blank means every interface, so false. */
    static boolean isLoopback(String host) {
        if (isBlank(host)) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** The host of a URL such as tcp://0.0.0.0:61616?protocols=CORE or postgresql://db:5432/hub; null if none. */
    static String hostOf(String url) {
        if (isBlank(url)) {
            return null;
        }
        try {
            return URI.create(url.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A broker URL may list several (failover) URLs in parentheses: the first one decides. */
    private static String firstUrl(String brokerUrl) {
        if (isBlank(brokerUrl)) {
            return null;
        }
        String url = brokerUrl.strip();
        if (url.startsWith("(")) {
            url = url.substring(1).split("[,)]")[0];
        }
        return url;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String shorten(String value) {
        return value.length() <= 20 ? value : value.substring(0, 17) + "...";
    }
}
