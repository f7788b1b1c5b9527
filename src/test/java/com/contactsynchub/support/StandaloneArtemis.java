package com.contactsynchub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Artemis broker in a child process, made with the distribution's {@code artemis create} and configured
 * with the production broker.xml (docker/artemis/broker.xml, system property {@code hub.broker.config}), listening
 * on 127.0.0.1 at a free port. Always {@link #stop()} it (try/finally or @AfterAll).
 */
public final class StandaloneArtemis implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path instance;
    private final int port;
    private final ArtemisCli.Credentials credentials;
    private Process process;

    private StandaloneArtemis(Path instance, int port, ArtemisCli.Credentials credentials) {
        this.instance = instance;
        this.port = port;
        this.credentials = credentials;
    }

    /** Creates a new broker instance (not started) under {@code parent}, with a login of its own. */
    public static StandaloneArtemis create(ArtemisCli cli, Path parent, ArtemisCli.Credentials credentials) {
        int port = FreePort.onLoopback();
        try {
            Files.createDirectories(parent);
            Path instance = Files.createTempDirectory(parent.toAbsolutePath(), "broker-");
            cli.run(List.of("create", "--silent", "--force", "--nio", "--no-autotune",
                    "--user", credentials.user(), "--password", credentials.password(), "--require-login",
                    "--host", "127.0.0.1", "--http-host", "127.0.0.1", "--default-port", String.valueOf(port),
                    "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor",
                    "--no-web", instance.toString())).orFail();
            Files.copy(brokerConfig(), instance.resolve("etc/broker.xml"), StandardCopyOption.REPLACE_EXISTING);
            return new StandaloneArtemis(instance, port, credentials);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path brokerConfig() {
        String config = System.getProperty("hub.broker.config", "docker/artemis/broker.xml");
        Path path = Path.of(config);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("No broker configuration at " + path.toAbsolutePath());
        }
        return path;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public ArtemisCli.Credentials credentials() {
        return credentials;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts {@code bin/artemis run} and returns once the core acceptor takes connections. */
    public void start() {
        if (isRunning()) {
            return;
        }
        try {
            Path console = instance.resolve("log/console.log");
            Files.createDirectories(console.getParent());
            ProcessBuilder builder = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                    .directory(instance.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
            // The acceptor's host and port are system properties that docker/artemis/broker.xml reads.
            builder.environment().put("JAVA_ARGS_APPEND", "-Xms64m -Xmx256m -Dhub.acceptor.host=127.0.0.1"
                    + " -Dhub.acceptor.port=" + port);
            process = builder.start();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!acceptsConnections()) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    stop();
                    throw new IllegalStateException("The standalone broker did not start on " + url() + ":\n"
                            + tail(console));
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the broker", e);
        }
    }

    /** Stops the broker gracefully (SIGTERM, the script execs java), forcibly when it does not stop in time. */
    public void stop() {
        if (process == null) {
            return;
        }
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no console log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
