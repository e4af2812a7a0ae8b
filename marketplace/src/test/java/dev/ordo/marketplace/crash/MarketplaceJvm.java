package dev.ordo.marketplace.crash;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketplace as a real child process: the built jar on the JDK that runs the test ({@code java.home}), on a port
 * and with application arguments of the test's choosing, its output appended to one log file per start. It can be
 * killed with SIGKILL ({@link #kill()}: {@link Process#destroyForcibly()}, which is SIGKILL on Linux; the exit status
 * 137 = 128 + 9 proves it) and started again on the same port and data, as often as a test likes. A shutdown hook
 * kills it if the test's JVM ends first (a build stopped with Ctrl-C). Not thread-safe: one owner starts, kills and
 * stops it.
 */
final class MarketplaceJvm implements AutoCloseable {

    /** The exit status of a process ended by SIGKILL. */
    static final int KILLED = 128 + 9;

    private static final Logger log = LoggerFactory.getLogger(MarketplaceJvm.class);
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);

    private final Path jar;
    private final Path logs;
    private final int port;
    private final List<String> appArgs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread killer = new Thread(this::killQuietly, "marketplace-killer");
    private volatile Process process;
    private int starts;

    /**
     * @param jar     the repackaged application ({@code marketplace/target/marketplace.jar})
     * @param logs    the folder for {@code app-<n>.log}, one per start
     * @param appArgs the application's arguments after {@code --server.port}, e.g. the store's location
     */
    MarketplaceJvm(Path jar, Path logs, List<String> appArgs) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no marketplace jar at " + jar.toAbsolutePath() + ": the crash tests run "
                    + "in 'verify' after 'package' built it (./mvnw -pl marketplace -am verify)");
        }
        this.jar = jar;
        this.logs = logs;
        this.appArgs = List.copyOf(appArgs);
        this.port = freePort();
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** The application's root URL, the same across restarts. */
    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** How often the process was started. */
    int starts() {
        return starts;
    }

    /**
     * Starts the process and returns once {@code GET /actuator/health} answers 200.
     *
     * @throws IllegalStateException when it exits or is not healthy within three minutes (its last output is in the
     *                               message)
     */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the marketplace runs already (pid " + process.pid() + ")");
        }
        starts++;
        Path file = logs.resolve("app-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-XX:+UseSerialGC",
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                // the clients share one operator token and retry at will: the faults are under test, not the limit
                "--marketplace.rate-limit.enabled=false"));
        command.addAll(appArgs);
        try {
            Files.createDirectories(logs);
            process = new ProcessBuilder(command).directory(logs.toFile()).redirectErrorStream(true)
                    .redirectOutput(file.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", command), e);
        }
        log.info("marketplace start {} as pid {} on port {} (log {})", starts, process.pid(), port, file);
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the marketplace exited with " + process.exitValue());
                }
                return healthStatus() == 200;
            });
        } catch (ConditionTimeoutException | IllegalStateException e) {
            String tail = tail(file, 60);
            kill();
            throw new IllegalStateException("the marketplace did not become healthy: " + e.getMessage()
                    + "; last output of " + String.join(" ", command) + ":\n" + tail, e);
        }
    }

    /**
     * Kills the process with SIGKILL and waits until it is gone.
     *
     * @throws IllegalStateException when its exit status is not that of SIGKILL (it had exited by itself before)
     */
    void kill() {
        if (process == null) {
            return;
        }
        long pid = process.pid();
        process.destroyForcibly();
        int status = waitFor(process);
        process = null;
        if (status != KILLED) {
            throw new IllegalStateException("marketplace pid " + pid + " ended with " + status + ", not by SIGKILL ("
                    + KILLED + "): it had exited before it was killed");
        }
        log.info("marketplace pid {} killed with SIGKILL", pid);
    }

    /** Stops the process gracefully (SIGTERM), forcibly after a minute. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("marketplace pid {} did not stop within {}: killing it", process.pid(), SHUTDOWN);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The status of {@code GET /actuator/health}, or -1 when it cannot be reached or does not answer in 5 s. */
    int healthStatus() {
        return healthStatus(Duration.ofSeconds(5));
    }

    /** The status of {@code GET /actuator/health}, or -1 when it cannot be reached or does not answer in time. */
    int healthStatus(Duration within) {
        try {
            return http.send(HttpRequest.newBuilder(base().resolve("actuator/health")).timeout(within)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The last lines of the latest start's output. */
    String logTail(int lines) {
        return tail(logs.resolve("app-" + starts + ".log"), lines);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs already and kills the process
        }
        killQuietly();
        http.close();
    }

    private void killQuietly() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            waitFor(running);
            process = null;
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pid " + process.pid() + " to end", e);
        }
    }

    private static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file)) {
            List<String> list = all.toList();
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the marketplace", e);
        }
    }
}
