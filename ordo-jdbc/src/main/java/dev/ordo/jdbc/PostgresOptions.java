package dev.ordo.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How Ordo bounds the event store writer's work on PostgreSQL, so that an append whose caller waits for its outcome
 * never waits for ever. The application's pool bounds the rest: give it a connection timeout of a few seconds
 * (HikariCP's {@code connectionTimeout}), or a writer waits that long for each connection to a database that is gone.
 *
 * @param lockTimeout    how long an append waits for the head row's lock held by another transaction before the
 *                       server refuses it ({@code lock_timeout}, set for the writer's own transactions only)
 * @param networkTimeout how long the writer waits for any answer from the server before it gives the connection up
 *                       as lost (the JDBC network timeout of the writer's connection); longer than the lock timeout,
 *                       so that a busy lock is answered by the server and only a silent server meets this
 */
public record PostgresOptions(Duration lockTimeout, Duration networkTimeout) {

    public PostgresOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(networkTimeout, "networkTimeout");
        if (lockTimeout.toMillis() < 1 || networkTimeout.compareTo(lockTimeout) <= 0) {
            throw new IllegalArgumentException("the lock timeout must be positive and the network timeout longer, got "
                    + lockTimeout + " and " + networkTimeout);
        }
        if (networkTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the network timeout must fit in an int of milliseconds, got "
                    + networkTimeout);
        }
    }

    /** A 5-second lock timeout and a 15-second network timeout. */
    public static PostgresOptions defaults() {
        return new PostgresOptions(Duration.ofSeconds(5), Duration.ofSeconds(15));
    }
}
