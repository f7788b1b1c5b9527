package com.contactsynchub.support;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The two databases the hub runs on, for repository tests that must hold on both: use as the argument of a
 * {@code @ParameterizedTest @EnumSource(TestDb.class)}. Each {@link #open()} gives a new, migrated, empty
 * database (H2: a new in-memory database; PostgreSQL: a new schema, failing when PostgreSQL is not there).
 */
public enum TestDb {
    H2 {
        @Override
        String newUrl() {
            return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
    },
    POSTGRES {
        @Override
        String newUrl() {
            return PostgresTestDatabase.urlFor(PostgresTestDatabase.freshSchema());
        }
    };

    abstract String newUrl();

    public Database open() {
        return new Database(this, newUrl());
    }

    /** A migrated database with a connection pool; close it at the end of the test. */
    public static final class Database implements AutoCloseable {
        public final TestDb kind;
        public final String url;
        public final HikariDataSource dataSource;
        public final NamedParameterJdbcTemplate jdbc;
        public final PlatformTransactionManager transactionManager;

        Database(TestDb kind, String url) {
            this.kind = kind;
            this.url = url;
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(kind == POSTGRES ? PostgresTestDatabase.USER : "sa");
            config.setPassword(kind == POSTGRES ? PostgresTestDatabase.PASSWORD : "");
            config.setMaximumPoolSize(12);
            this.dataSource = new HikariDataSource(config);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            this.jdbc = new NamedParameterJdbcTemplate(dataSource);
            this.transactionManager = new DataSourceTransactionManager(dataSource);
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
