package com.contactsynchub.numberseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.contactsynchub.ContactSyncHubApplication;
import com.contactsynchub.support.PostgresTestDatabase;

/**
 * Two whole hubs (two Spring application contexts, as two hub instances would be) on one database allocate from
 * the same series at the same time: no number may be handed out twice. H2 shares its file database between the
 * two contexts of this JVM; PostgreSQL shares one schema.
 */
class NumberAllocatorTwoHubsTest {

    @Test
    void twoHubsOnOneH2FileDatabaseNeverHandOutANumberTwice() throws Exception {
        String url = "jdbc:h2:file:./target/test-data/shared-" + UUID.randomUUID() + "/db/hub";
        allocateFromTwoHubs("--spring.datasource.url=" + url);
    }

    @Test
    void twoHubsOnOnePostgresSchemaNeverHandOutANumberTwice() throws Exception {
        String schema = PostgresTestDatabase.freshSchema();
        allocateFromTwoHubs("--spring.datasource.url=" + PostgresTestDatabase.urlFor(schema),
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema);
    }

    private static void allocateFromTwoHubs(String... databaseArgs) throws Exception {
        try (ConfigurableApplicationContext first = start(databaseArgs);
                ConfigurableApplicationContext second = start(databaseArgs)) {
            NumberAllocator a = first.getBean(NumberAllocator.class);
            NumberAllocator b = second.getBean(NumberAllocator.class);
            assertThat(a).isNotSameAs(b);

            // Both hubs see the series the configuration created (CONT, CT000001, by 1) in the shared database.
            List<CompletableFuture<List<String>>> runs = new ArrayList<>();
            for (NumberAllocator allocator : List.of(a, b, a, b)) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        mine.add(allocator.next("CONT"));
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (var run : runs) {
                all.addAll(run.get());
            }
            assertThat(all).hasSize(600);
            assertThat(new HashSet<>(all)).isEqualTo(NumberAllocatorTest.expectedNumbers(600));
        }
    }

    private static ConfigurableApplicationContext start(String... databaseArgs) {
        List<String> args = new ArrayList<>(List.of(databaseArgs));
        // Two hubs in one JVM: Spring's own MBeans would clash (Camel picks a free name itself).
        args.add("--spring.jmx.enabled=false");
        return new SpringApplicationBuilder(ContactSyncHubApplication.class).profiles("test")
                .run(args.toArray(String[]::new));
    }
}
