package dev.ordo.core.bus.command;

import java.time.Duration;
import java.util.Objects;

/**
 * A command could not get the lock of its key in time because other commands with the same key held it; the
 * command was not handled. Retrying later is safe.
 */
public final class LockTimeoutException extends RuntimeException {

    private final String key;
    private final Duration timeout;

    public LockTimeoutException(String key, Duration timeout) {
        super("could not lock key '" + key + "' within " + Objects.requireNonNull(timeout, "timeout").toMillis()
                + " ms: other commands with the same key held it; the command was not handled");
        this.key = key;
        this.timeout = timeout;
    }

    /** The contended key, such as a stream id. */
    public String key() {
        return key;
    }

    /** How long the command waited. */
    public Duration timeout() {
        return timeout;
    }
}
