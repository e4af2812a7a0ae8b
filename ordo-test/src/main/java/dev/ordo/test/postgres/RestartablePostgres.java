package dev.ordo.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of one test's own that can be stopped and started again on the same data directory and port,
 * for tests of a database that goes away under load: while it is stopped, connections are refused and those open
 * were terminated; once it is started again, the same JDBC URLs reach the same databases with every committed
 * transaction. Started from the same binaries and with the same settings as {@link PostgresHarness}'s shared server,
 * which is left alone.
 *
 * <p>{@link #stop()} is PostgreSQL's fast shutdown (open sessions are terminated, their transactions rolled back,
 * nothing committed is lost). {@link #close()} stops the server and leaves the data directory to its owner.
 * Thread-safe.
 */
public final class RestartablePostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestartablePostgres.class);

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;
    private int starts;

    private RestartablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Initializes a server in {@code dataDirectory} (an empty or missing folder; a folder that already holds a
     * server's data is reused) on a free loopback port, and starts it.
     *
     * @throws UncheckedIOException when the server cannot be initialized or started
     */
    public static RestartablePostgres start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        RestartablePostgres server = new RestartablePostgres(dataDirectory.toAbsolutePath(), freePort());
        server.start();
        return server;
    }

    /**
     * Starts the server again on its data directory and port; nothing happens when it runs.
     *
     * @throws UncheckedIOException when it does not start (for example, the port was taken meanwhile)
     */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            running = PostgresHarness.configured(EmbeddedPostgres.builder())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            starts++;
            log.info("PostgreSQL on port {} started ({} time{}) on {}", port, starts, starts == 1 ? "" : "s",
                    dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port + " with data in "
                    + dataDirectory, e);
        }
    }

    /**
     * Stops the server (fast shutdown); nothing happens when it is stopped.
     *
     * @throws UncheckedIOException when it does not stop
     */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
            log.info("PostgreSQL on port {} stopped", port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
        } finally {
            running = null;
        }
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    /** The port, the same across restarts. */
    public int port() {
        return port;
    }

    /**
     * Creates a new, empty database.
     *
     * @throws IllegalStateException when the server is stopped
     */
    public synchronized PostgresDatabase newDatabase() {
        if (running == null) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is stopped");
        }
        return PostgresHarness.createDatabase(running);
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for PostgreSQL", e);
        }
    }
}
