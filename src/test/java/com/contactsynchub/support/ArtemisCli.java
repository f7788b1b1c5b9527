package com.contactsynchub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code artemis} command line of the real Artemis distribution, a client from outside the hub's JVM. The build
 * unpacks the distribution before the integration tests and names it in the system property {@code artemis.home}.
 * The script is started through {@code bash}, so a lost executable bit after unpacking does not matter.
 */
public final class ArtemisCli {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final Path logDir;

    private ArtemisCli(Path home, Path logDir) {
        this.home = home;
        this.logDir = logDir;
    }

    /** The distribution that {@code mvn verify} unpacked (pre-integration-test). */
    public static ArtemisCli fromBuild() {
        String home = System.getProperty("artemis.home");
        if (home == null || !Files.isRegularFile(Path.of(home, "bin", "artemis"))) {
            throw new IllegalStateException("No Artemis distribution at artemis.home=" + home
                    + ": run the integration tests with `mvn verify`, which unpacks it");
        }
        try {
            return new ArtemisCli(Path.of(home), Files.createDirectories(Path.of("target", "artemis-it", "cli")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path home() {
        return home;
    }

    /** Sends one JMS text message to a queue, as a producer system would. */
    public Result sendText(String url, Credentials credentials, String queue, String text) {
        List<String> args = new ArrayList<>(List.of("producer", "--silent", "--url", url,
                "--destination", "queue://" + queue, "--message-count", "1", "--message", text));
        credentials.addTo(args);
        return run(args);
    }

    /** Runs {@code artemis <args>} and waits for it (bounded); the output is kept under target/artemis-it/cli. */
    public Result run(List<String> args) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/artemis").toString()));
        command.addAll(args);
        try {
            Path output = Files.createTempFile(logDir, args.get(0) + "-", ".log");
            Process process = new ProcessBuilder(command)
                    .directory(logDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("artemis " + args.get(0) + " did not finish in " + COMMAND_TIMEOUT
                        + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(args, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running artemis " + args.get(0), e);
        }
    }

    /** User and password for a broker that requires a login; {@link #NONE} for one that allows anonymous clients. */
    public record Credentials(String user, String password) {

        public static final Credentials NONE = new Credentials(null, null);

        void addTo(List<String> args) {
            if (user != null) {
                args.addAll(List.of("--user", user, "--password", password));
            }
        }
    }

    public record Result(List<String> args, int exitCode, String output) {

        public Result orFail() {
            if (exitCode != 0) {
                throw new AssertionError("artemis " + String.join(" ", args) + " exited with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }
}
