package com.contactsynchub.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The reference systems' tables exist only where the demo ran: Flyway with the settings of application.yml (every
 * profile) and application-demo.yml, on H2 databases that move between the two as a developer's ./data does.
 */
class DemoSchemaLocationTest {

    @Test
    void withoutTheDemoTheDatabaseHasNoReferenceTables() throws Exception {
        String url = newDatabase();
        flyway(url, false).migrate();

        assertThat(referenceTables(url)).isEmpty();
        assertThat(tables(url)).contains("INBOUND_MESSAGE", "COMMAND_UNSENT");
    }

    @Test
    void theDemoHasItsTables() throws Exception {
        String url = newDatabase();
        flyway(url, true).migrate();

        assertThat(referenceTables(url)).contains("REF_CRM_CONTACT");
    }

    @Test
    void aDatabaseThatRanTheDemoStillStartsWithoutIt() throws Exception {
        String url = newDatabase();
        flyway(url, true).migrate();

        var result = flyway(url, false).migrate();

        assertThat(result.success).isTrue();
        // at the newest migration of the hub, as a database that never ran the demo
        String newest = flyway(newDatabase(), false).migrate().targetSchemaVersion;
        assertThat(flyway(url, false).info().current().getVersion().getVersion()).isEqualTo(newest);
    }

    @Test
    void aDatabaseFirstUsedWithoutTheDemoGetsTheDemosTablesLater() throws Exception {
        String url = newDatabase();
        flyway(url, false).migrate();

        flyway(url, true).migrate();

        assertThat(referenceTables(url)).contains("REF_CRM_CONTACT");
        flyway(url, true).validate();
    }

    private static Flyway flyway(String url, boolean demo) throws Exception {
        PropertySource<?> common = yaml("application.yml");
        String locations = (String) (demo ? yaml("application-demo.yml") : common)
                .getProperty("spring.flyway.locations");
        Object outOfOrder = demo ? yaml("application-demo.yml").getProperty("spring.flyway.out-of-order") : false;
        return Flyway.configure().dataSource(url, "sa", "")
                .locations(locations.split(","))
                .ignoreMigrationPatterns(((String) common.getProperty("spring.flyway.ignore-migration-patterns"))
                        .split(","))
                .outOfOrder(Boolean.parseBoolean(String.valueOf(outOfOrder)))
                .load();
    }

    private static PropertySource<?> yaml(String name) throws Exception {
        return new YamlPropertySourceLoader().load(name, new ClassPathResource(name)).get(0);
    }

    private static String newDatabase() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private static List<String> referenceTables(String url) throws Exception {
        return tables(url).stream().filter(t -> t.startsWith("REF_")).toList();
    }

    private static List<String> tables(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
            return names;
        }
    }
}
