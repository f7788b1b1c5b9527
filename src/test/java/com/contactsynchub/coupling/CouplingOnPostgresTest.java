package com.contactsynchub.coupling;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.support.PostgresTestDatabase;

/** Match-based coupling end to end on PostgreSQL (the runs table, the compare-and-set claims, the batches). */
class CouplingOnPostgresTest extends CouplingEndToEndTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
