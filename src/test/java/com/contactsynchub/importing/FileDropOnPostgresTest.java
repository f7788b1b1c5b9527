package com.contactsynchub.importing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.support.PostgresTestDatabase;

/** File drops (claims, reports, the intake) end to end on PostgreSQL. */
class FileDropOnPostgresTest extends FileDropEndToEndTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
