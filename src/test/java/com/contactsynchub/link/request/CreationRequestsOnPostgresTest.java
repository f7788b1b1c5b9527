package com.contactsynchub.link.request;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.contactsynchub.support.PostgresTestDatabase;

/** Creation requests, acknowledgements and pending creations end to end on PostgreSQL. */
class CreationRequestsOnPostgresTest extends CreationRequestsEndToEndTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }
}
