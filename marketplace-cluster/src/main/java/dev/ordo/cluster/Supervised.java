package dev.ordo.cluster;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process the supervisor keeps running, as a process manager (systemd, Kubernetes) would: when it dies (a crash,
 * {@code kill -9}), {@link #restartIfDead} starts it again the way it was first started (the same jar, port,
 * arguments and data) and tells {@code onRestart} about the new process. A pause stops it ({@link #claimStop}) until
 * the supervisor starts it again. Closing it stops the current process and restarts nothing after. One restart or
 * stop at a time ({@link #claimRestart}, {@link #claimStop}). Thread-safe.
 *
 * @param <P> the kind of process
 */
final class Supervised<P extends ChildProcess> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervised.class);

    /** Starts the process and returns once it serves. */
    @FunctionalInterface
    interface Start<P> {
        P start() throws InterruptedException;
    }

    private final String name;
    private final Start<P> start;
    private final Consumer<P> onRestart;
    private P current;
    private boolean closed;
    private final AtomicBoolean busy = new AtomicBoolean();

    private Supervised(String name, Start<P> start, Consumer<P> onRestart, P first) {
        this.name = name;
        this.start = start;
        this.onRestart = onRestart;
        this.current = first;
    }

    /** Starts the process for the first time. */
    static <P extends ChildProcess> Supervised<P> start(String name, Start<P> start, Consumer<P> onRestart)
            throws InterruptedException {
        return new Supervised<>(name, start, onRestart, start.start());
    }

    synchronized P current() {
        return current;
    }

    /**
     * True when the process died and no restart is under way; the caller that gets true must then call
     * {@link #restartIfDead}, which ends the restart.
     */
    boolean claimRestart() {
        synchronized (this) {
            if (closed || current.isAlive()) {
                return false;
            }
        }
        return busy.compareAndSet(false, true);
    }

    /**
     * True when no restart or stop is under way (a restart under way finishes first: the process it starts is the one
     * to stop); the caller that gets true must then call {@link #stopClaimed}, which ends the stop.
     */
    boolean claimStop() {
        return busy.compareAndSet(false, true);
    }

    /** Ends a stop claimed by {@link #claimStop}: stops the current process (gracefully first) if it runs. */
    void stopClaimed() {
        try {
            synchronized (this) {
                if (!closed && current.isAlive()) {
                    log.info("{} (pid {}) is paused: stopping it", name, current.pid());
                    current.close();
                }
            }
        } finally {
            busy.set(false);
        }
    }

    /** Ends a restart claimed by {@link #claimRestart}: starts the process again if it is still dead. */
    void restartClaimed() throws InterruptedException {
        try {
            restartIfDead();
        } finally {
            busy.set(false);
        }
    }

    /** When the process died, starts it again; a start that fails is tried again at the next call. */
    synchronized void restartIfDead() throws InterruptedException {
        if (closed || current.isAlive()) {
            return;
        }
        log.warn("{} (pid {}) died: starting it again", name, current.pid());
        try {
            current = start.start();
            onRestart.accept(current);
        } catch (RuntimeException e) {
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
