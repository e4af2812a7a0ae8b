package dev.ordo.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the marketplace's processes (a service, the gateway): an application jar in a child JVM on a port, with the
 * arguments that make it what it is (its database, Kafka, routes), healthy once {@code GET /actuator/health} answers
 * 200.
 */
final class ServiceJvm implements ChildProcess {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final String name;
    private final int port;
    private final ChildJvm process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceJvm(String name, int port, ChildJvm process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code java -jar <jar> --server.port=<port> <args>} and returns once it is healthy.
     *
     * @throws IllegalStateException when it exits or is not healthy within three minutes (its last output is in the
     *                               message)
     * @throws InterruptedException  when interrupted while waiting, after stopping the process
     */
    static ServiceJvm start(String name, Path jar, int port, List<String> args, Path workingDirectory, Path logs)
            throws InterruptedException {
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException("no application jar at " + jar.toAbsolutePath()
                    + ": build it first (./mvnw -B -pl marketplace,marketplace-gateway -am package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(args);
        ServiceJvm service = new ServiceJvm(name, port, ChildJvm.start(name, command, workingDirectory, logs));
        try {
            service.awaitHealthy();
        } catch (InterruptedException e) {
            service.process.stop(Duration.ofSeconds(10));
            throw e;
        }
        return service;
    }

    String name() {
        return name;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The status of {@code GET /actuator/health}, or -1 when it does not answer within 5 s. */
    int health() {
        return health(http, url());
    }

    static int health(HttpClient http, URI url) {
        try {
            return http.send(HttpRequest.newBuilder(url.resolve("actuator/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (health() != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting:\n" + process.tail(40));
            }
            if (System.nanoTime() - deadline > 0) {
                process.stop(Duration.ofSeconds(10));
                throw new IllegalStateException(name + " was not healthy within " + STARTUP + ":\n"
                        + process.tail(40));
            }
            Thread.sleep(250);
        }
    }

    /** Stops it gracefully (SIGTERM), killing it after a minute. */
    @Override
    public void close() {
        process.stop(Duration.ofMinutes(1));
    }
}
