package dev.ordo.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service the supervisor keeps running, as a process manager (systemd, Kubernetes) would: when its process dies
 * (a crash, {@code kill -9}), {@link #restartIfDead} starts it again with the same jar, port and arguments and tells
 * the new pid. Closing it stops the current process and restarts nothing after. Thread-safe.
 */
final class Supervised implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervised.class);

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> args;
    private final Path workingDirectory;
    private final Path logs;
    private ServiceJvm current;
    private boolean closed;

    private Supervised(String name, Path jar, int port, List<String> args, Path workingDirectory, Path logs,
                       ServiceJvm first) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.args = List.copyOf(args);
        this.workingDirectory = workingDirectory;
        this.logs = logs;
        this.current = first;
    }

    /** Starts the service and returns once it is healthy (see {@link ServiceJvm#start}). */
    static Supervised start(String name, Path jar, int port, List<String> args, Path workingDirectory, Path logs)
            throws InterruptedException {
        return new Supervised(name, jar, port, args, workingDirectory, logs,
                ServiceJvm.start(name, jar, port, args, workingDirectory, logs));
    }

    synchronized ServiceJvm current() {
        return current;
    }

    /**
     * When the process died, starts it again and hands the new one to {@code restarted}; a start that fails is tried
     * again at the next call.
     */
    synchronized void restartIfDead(Consumer<ServiceJvm> restarted) throws InterruptedException {
        if (closed || current.isAlive()) {
            return;
        }
        log.warn("{} (pid {}) died: starting it again", name, current.pid());
        try {
            current = ServiceJvm.start(name, jar, port, args, workingDirectory, logs);
            restarted.accept(current);
        } catch (IllegalStateException e) {
            log.error("{} could not be started again; trying later: {}", name, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        current.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
