package com.contactsynchub.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged hub ({@code java -jar target/contact-sync-hub-*.jar}) as a separate OS process, so that it can be
 * killed the hard way: SIGKILL, no shutdown hook, no flush, exactly like a power cut of the process. It restarts
 * on the same data directory, ports and arguments. Its output goes, across restarts, to one log file under target/.
 */
public final class HubProcess {

    /**
     * The JVM options of the hub: a small heap, and the client compiler only. The test restarts the hub again and
     * again on a 2-core machine shared with other builds, where the start dominates: C1 alone takes about a third
     * less CPU to get the hub ready (measured: 32 s instead of 50 s of CPU), which matters more than the hub's
     * peak throughput here. Runs with and without kills use the same options.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final String name;
    private final List<String> jvmOptions;
    private final Path jar;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    private final HubApi api;
    private Process process;
    private int starts;

    HubProcess(String name, Path jar, List<String> arguments, Map<String, String> environment, Path log,
            HubApi api) {
        this(name, jar, arguments, environment, log, api, JVM_OPTIONS);
    }

    HubProcess(String name, Path jar, List<String> arguments, Map<String, String> environment, Path log,
            HubApi api, List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.name = name;
        this.jar = jar;
        this.arguments = List.copyOf(arguments);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.api = api;
    }

    /** The jar {@code mvn package} made (failsafe runs after package); system property {@code hub.jar}. */
    static Path packagedJar() {
        Path jar = Path.of(System.getProperty("hub.jar", "target/contact-sync-hub-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged hub at " + jar.toAbsolutePath()
                    + ": run `mvn package` first (mvn verify does)");
        }
        return jar;
    }

    public String name() {
        return name;
    }

    HubApi api() {
        return api;
    }

    Path log() {
        return log;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the process (returns at once; see {@link #awaitReady}). */
    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running already (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            starts++;
            Files.writeString(log, "\n===== crash test: start #" + starts + " of " + name + " at " + Instant.now()
                    + "\n===== " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            Process started = process;
            // If the test JVM is stopped (a timeout, Ctrl-C), the hub must not outlive it and hold its ports.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, name + "-reaper"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until {@code /actuator/health} says UP (broker, database and routes); returns how long that took. */
    Duration awaitReady(Duration atMost) {
        Instant from = Instant.now();
        try {
            Awaitility.await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(500))
                    .pollInSameThread()
                    .until(() -> {
                        if (!isAlive()) {
                            throw new IllegalStateException(name + " died while starting:\n" + tail(60));
                        }
                        return api.health().filter("UP"::equals).isPresent();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not ready after " + atMost + " (health: "
                    + api.health().orElse("no answer") + "):\n" + tail(60), e);
        }
        return Duration.between(from, Instant.now());
    }

    /**
     * SIGKILL ({@link Process#destroyForcibly()} on Linux), then checks through {@link ProcessHandle} that the
     * process is gone and that it was the signal that ended it (exit status 128 + 9).
     */
    synchronized void kill() {
        if (!isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        ProcessHandle handle = process.toHandle();
        long pid = handle.pid();
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + pid + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
        if (handle.isAlive() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException(name + " (pid " + pid + ") is still alive after SIGKILL");
        }
        if (process.exitValue() != 128 + 9) {
            throw new IllegalStateException(name + " (pid " + pid + ") ended with " + process.exitValue()
                    + ", not by SIGKILL (137)");
        }
        appendToLog("===== crash test: SIGKILL of pid " + pid + " at " + Instant.now());
    }

    /** Graceful stop (SIGTERM), forcibly if it does not end within a minute. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // only a marker for the reader of the log
        }
    }
}
