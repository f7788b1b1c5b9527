package com.contactsynchub.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.support.PostgresTestDatabase;

/** The admin API on PostgreSQL (a fresh schema); fails when PostgreSQL is not reachable. */
class AdminApiPostgresTest extends AdminApiTestBase {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
