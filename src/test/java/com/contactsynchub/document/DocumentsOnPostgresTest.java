package com.contactsynchub.document;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.support.PostgresTestDatabase;

/** Documents and interactions end to end on PostgreSQL. */
class DocumentsOnPostgresTest extends DocumentEndToEndTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
