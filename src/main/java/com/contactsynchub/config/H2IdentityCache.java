package com.contactsynchub.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On the embedded H2 only, after the migrations: the identity columns written once or more per event hand out
 * numbers from a cache of 100,000 instead of H2's 32. H2 writes a sequence's new high-water mark with a commit of
 * its own each time its cache runs out, and with {@code WRITE_DELAY=0} every commit writes the whole store, also
 * the pages of the open transaction: with two journal rows per imported row that was one extra commit per 16 rows,
 * more than the import's own commits (with 1,000 still a third of the commit time of a 1M-row import). H2's cache
 * is one counter for the whole database, so the numbers stay in insert order; a restart leaves a gap.
 * PostgreSQL is left alone: its sequence cache is per session and would hand out numbers out of order.
 */
@Configuration(proxyBeanMethods = false)
public class H2IdentityCache {

    static final int CACHE = 100_000;
    static final String[][] COLUMNS = {{"journal", "id"}, {"outbound_command", "seq"}};

    @Bean
    FlywayMigrationStrategy migrateThenWidenH2IdentityCaches() {
        return flyway -> {
            flyway.migrate();
            widen(flyway);
        };
    }

    static void widen(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String[] column : COLUMNS) {
                    // constant names, no input: DDL cannot take parameters
                    statement.execute("alter table " + column[0] + " alter column " + column[1] + " set cache "
                            + CACHE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not widen the H2 identity caches", e);
        }
    }
}
