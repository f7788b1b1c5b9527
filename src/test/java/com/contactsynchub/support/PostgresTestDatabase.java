package com.contactsynchub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL the persistence tests run against: {@code HUB_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code HUB_TEST_POSTGRES_USER}, default {@code postgres}).
 * Each call to {@link #freshSchema()} makes an empty schema of its own, so tests never see each other's rows.
 * When PostgreSQL is not reachable the tests fail (never skip): start it, e.g. with .ci/run.
 */
public final class PostgresTestDatabase {

    public static final String URL = env("HUB_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("HUB_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("HUB_TEST_POSTGRES_PASSWORD", "");

    private PostgresTestDatabase() {
    }

    /** Creates a new empty schema and returns its name. */
    public static String freshSchema() {
        String schema = "hubtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = connect()) {
            c.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed for this test and is not reachable at " + URL
                    + " (" + e.getMessage() + "). Start it (bash .ci/run does) or set HUB_TEST_POSTGRES_URL.", e);
        }
        return schema;
    }

    /** JDBC URL whose connections use {@code schema} as their search path. */
    public static String urlFor(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    /** Points a Spring test context at a fresh PostgreSQL schema (use from a {@code @DynamicPropertySource}). */
    public static void register(DynamicPropertyRegistry registry) {
        String schema = freshSchema();
        registry.add("spring.datasource.url", () -> urlFor(schema));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
