package com.contactsynchub.support;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The hub in a child JVM of its own: its own data folder (H2 database, Artemis journal) and its own HTTP and core
 * acceptor ports, kept across restarts so a restarted hub finds what the killed one left. The child's stdout and
 * stderr go to one log file per start under {@code logDir} and to an in-memory list of lines the test can wait for.
 * {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no graceful stop.
 */
public final class ChildHub implements AutoCloseable {

    private static final Duration START_PATIENCE = Duration.ofSeconds(150);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final String mainClass;
    private final Path dataDir;
    private final Path logDir;
    private final int serverPort;
    private final int brokerPort;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile Process process;
    private volatile Predicate<String> killOnLine;
    private volatile java.time.Instant exitedAt;
    private Path logFile;
    private int starts;

    public ChildHub(String name, String mainClass, Path workDir) {
        this.name = name;
        this.mainClass = mainClass;
        this.dataDir = workDir.resolve("data").resolve(name).toAbsolutePath();
        this.logDir = workDir.resolve("logs").toAbsolutePath();
        this.serverPort = FreePort.onLoopback();
        this.brokerPort = FreePort.onLoopback();
    }

    public String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Starts the child (profile test, without demo) and waits until /actuator/health says UP.
     *
     * @param systemProperties e.g. {@code hub.crash-point=E1}; none for a plain hub
     * @param args             more Spring arguments, e.g. {@code --hub.relay.poll-interval=3600000}
     */
    public ChildHub start(List<String> systemProperties, String... args) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        starts++;
        lines.clear();
        killOnLine = null;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick to start: two cores are shared with the test JVM and other builds.
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        systemProperties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-cp", classPath(), mainClass,
                "--spring.profiles.active=test",
                "--hub.data-dir=" + dataDir,
                "--server.port=" + serverPort,
                "--hub.broker.core-acceptor=" + brokerUrl()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logDir);
            logFile = logDir.resolve(name + "-" + starts + ".log");
            // Not the project folder: from there Camel's classpath scan of classpath:routes/... also finds the
            // repository's own routes/ folder (relative to the working directory) and loads every route twice.
            process = new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the child hub " + name, e);
        }
        exitedAt = null;
        process.onExit().thenRun(() -> exitedAt = java.time.Instant.now());
        pump(process, logFile);
        try {
            await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                            + logFile);
                }
                return healthy();
            });
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** The test's classpath: failsafe's real one when it runs the tests through a manifest-only jar. */
    private static String classPath() {
        String failsafe = System.getProperty("surefire.test.class.path");
        return failsafe != null && !failsafe.isBlank() ? failsafe : System.getProperty("java.class.path");
    }

    private void pump(Process child, Path file) {
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Predicate<String> kill = killOnLine;
                    if (kill != null && kill.test(line)) {
                        child.destroyForcibly(); // SIGKILL from this reader thread: no polling delay
                        killOnLine = null;
                    }
                    lines.add(line);
                    out.println(line);
                    out.flush();
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "child-hub-" + name + "-stdout");
        pump.setDaemon(true);
        pump.start();
    }

    private boolean healthy() {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().startsWith("{\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the first line of this start's output that matches, and returns it. */
    public String awaitLine(Predicate<String> matching, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(100))
                .until(() -> firstLine(matching).isPresent() || !process.isAlive());
        return firstLine(matching).orElseThrow(() -> new IllegalStateException(
                name + " exited with " + process.exitValue() + " before printing the line; see " + logFile));
    }

    public Optional<String> firstLine(Predicate<String> matching) {
        return lines.stream().filter(matching).findFirst();
    }

    public List<String> lines(Predicate<String> matching) {
        return lines.stream().filter(matching).toList();
    }

    /**
     * For this start: SIGKILL the child the moment it prints a matching line, from the thread that reads its output
     * (a few milliseconds, where a test polling the lines would take up to its poll interval). Then {@link #kill()}
     * only waits for the end.
     */
    public void killOnLine(Predicate<String> matching) {
        killOnLine = matching;
    }

    /** When the current child was seen gone (null while it runs). */
    public java.time.Instant exitedAt() {
        return exitedAt;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** SIGKILL, then waits for the process to be gone; returns its exit code (137 = 128 + SIGKILL). */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " is still alive 30 s after SIGKILL");
            }
            if (exitedAt == null) {
                exitedAt = java.time.Instant.now(); // onExit's callback may not have run yet
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The sum of the samples of one metric on /actuator/prometheus (e.g. {@code hub_commands_unsent}); 0 if none. */
    public double metric(String name) {
        double sum = 0;
        for (String line : get("/actuator/prometheus").split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serverPort + path);
    }

    /** Removes the data folder (the log files stay); only once the child is gone. */
    public void deleteData() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dataDir, e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
