package dev.ordo.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The marketplace application under test, run as a separate process on the JDK that runs the driver, with the
 * application's own defaults and no other flag than {@code --enable-native-access=ALL-UNNAMED} (plus
 * {@code extraJvmArgs}, empty unless asked for, e.g. to record a flight recording) and the scenario's
 * {@code appArgs} (e.g. {@code --marketplace.fulfilment.enabled=false}, or the PostgreSQL profile and its URL):
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -jar marketplace.jar --server.port=PORT --ordo.store.sqlite.path=DIR/ordo.db
 *      APP_ARGS
 * </pre>
 *
 * {@code DIR} is a fresh temporary directory (also the working directory, which holds the application's output in
 * {@code app.log}) and {@code PORT} a free loopback port. {@link #start} returns once {@code GET /actuator/health}
 * answers {@code UP}; {@link #close} stops the process (SIGTERM, then waits; forcibly after a minute) and deletes
 * the directory, as does a shutdown hook if the driver is stopped first (Ctrl-C). Not thread-safe: one owner starts
 * and closes it.
 */
final class MarketplaceProcess implements Deployment {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofMinutes(1);

    private final Process process;
    private final Path directory;
    private final URI base;
    private final Thread shutdownHook = new Thread(this::stop, "marketplace-stopper");
    private boolean stopped;

    private MarketplaceProcess(Process process, Path directory, URI base) {
        this.process = process;
        this.directory = directory;
        this.base = base;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the application from {@code jar} and waits until it is healthy.
     *
     * @throws IllegalStateException if it exits or is not healthy within three minutes (its last output is in the
     *                               message); the process is stopped and its directory deleted
     */
    static MarketplaceProcess start(Path jar, List<String> extraJvmArgs, List<String> appArgs)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no marketplace jar at " + jar.toAbsolutePath()
                    + " (build it with ./mvnw -Pbench -pl bench,marketplace -am package -DskipTests)");
        }
        Path directory = Files.createTempDirectory("ordo-http-bench-");
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(extraJvmArgs);
        // the load comes from one operator token: the benchmark measures the marketplace, not its rate limit
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--marketplace.rate-limit.enabled=false",
                "--ordo.store.sqlite.path=" + directory.resolve("ordo.db")));
        command.addAll(appArgs);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("app.log").toFile()).start();
        } catch (IOException e) {
            Files.deleteIfExists(directory.resolve("app.log"));
            Files.deleteIfExists(directory);
            throw e;
        }
        MarketplaceProcess app = new MarketplaceProcess(process, directory,
                URI.create("http://127.0.0.1:" + port + "/"));
        try {
            app.awaitHealthy();
            return app;
        } catch (RuntimeException | InterruptedException e) {
            String log = app.logTail(40);
            app.close();
            throw new IllegalStateException(e.getMessage() + "; last output of " + String.join(" ", command)
                    + ":\n" + log, e);
        }
    }

    @Override
    public URI base() {
        return base;
    }

    /** The application runs the sagas itself. */
    @Override
    public URI sagas() {
        return base;
    }

    @Override
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time of process " + process.pid()));
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try (MarketplaceApi api = new MarketplaceApi(base)) {
            while (System.nanoTime() - deadline < 0) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the marketplace exited with " + process.exitValue());
                }
                if (api.isUp()) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the marketplace was not healthy within " + STARTUP_TIMEOUT);
    }

    private String logTail(int lines) {
        try (Stream<String> log = Files.lines(directory.resolve("app.log"))) {
            List<String> all = log.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run; stopping twice is harmless
        }
        stop();
    }

    /**
     * The bytes the SQLite store holds now: its pages in use (free pages left out) as a reader sees the database,
     * write-ahead log included, so the figure does not depend on when the log was last checkpointed.
     */
    long storeBytes() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:"
                + directory.resolve("ordo.db") + "?mode=ro");
             Statement statement = connection.createStatement()) {
            return (pragma(statement, "page_count") - pragma(statement, "freelist_count"))
                    * pragma(statement, "page_size");
        }
    }

    private static long pragma(Statement statement, String name) throws SQLException {
        try (ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("could not delete " + directory, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
