package com.contactsynchub.durability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The JDBC URL, user and password of the hub's embedded default database, read from the product's own
 * {@code application.yml} (default profile) with {@code hub.data-dir} pointed at a test folder, so that a test
 * opening the database this way cannot drift from what the hub does.
 */
record EmbeddedDatabaseUrl(String url, String username, String password) {

    static EmbeddedDatabaseUrl forDataDir(Path dataDir) {
        StandardEnvironment environment = new StandardEnvironment();
        // No system properties or environment variables: only the file as packaged, and the data folder.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"));
            // The first document of the file is the default profile.
            environment.getPropertySources().addLast(sources.get(0));
        } catch (IOException e) {
            throw new IllegalStateException("application.yml is not readable", e);
        }
        environment.getPropertySources().addFirst(
                new MapPropertySource("test", Map.of("hub.data-dir", dataDir.toAbsolutePath().toString())));
        return new EmbeddedDatabaseUrl(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
    }
}
