package com.contactsynchub.sync;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.support.PostgresTestDatabase;

/** The same end-to-end sync on the real PostgreSQL: row locks, outbox, journal and sync state tables. */
class SyncOnPostgresTest extends SyncEndToEndTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
