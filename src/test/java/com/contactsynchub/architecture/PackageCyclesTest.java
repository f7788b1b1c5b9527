package com.contactsynchub.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of the hub import each other without cycles (docs/architecture.md), read from the sources: every
 * import and every fully qualified name of another package of the hub counts.
 */
class PackageCyclesTest {

    private static final Path ROOT = Path.of("src/main/java/com/contactsynchub");
    private static final Pattern REFERENCE = Pattern.compile("com\\.contactsynchub\\.([a-z]+)\\.[A-Za-z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> imports = imports();
        assertThat(imports).as("packages found under " + ROOT).hasSizeGreaterThan(10);

        List<List<String>> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            findCycle(start, imports).ifPresent(cycles::add);
        }
        assertThat(cycles).as("import cycles between packages: " + imports).isEmpty();
    }

    @Test
    void theContractAndTheCommandOutboxKnowNoFeature() throws IOException {
        Map<String, Set<String>> imports = imports();
        assertThat(imports.get("contract")).isEmpty();
        assertThat(imports.get("command")).containsOnly("contract");
    }

    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = ROOT.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the application class at the top
                }
                String own = relative.getName(0).toString();
                Set<String> used = imports.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(own)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        return imports;
    }

    /** A path from the package back to itself, if there is one. */
    private static java.util.Optional<List<String>> findCycle(String start, Map<String, Set<String>> imports) {
        Deque<List<String>> paths = new ArrayDeque<>();
        paths.add(List.of(start));
        Set<String> seen = new TreeSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.poll();
            for (String next : imports.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return java.util.Optional.of(longer);
                }
                if (seen.add(next)) {
                    paths.add(longer);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
