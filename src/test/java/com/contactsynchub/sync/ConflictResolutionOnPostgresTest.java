package com.contactsynchub.sync;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.support.PostgresTestDatabase;

/** Parked conflicts and their resolution on the real PostgreSQL. */
class ConflictResolutionOnPostgresTest extends ConflictResolutionTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
