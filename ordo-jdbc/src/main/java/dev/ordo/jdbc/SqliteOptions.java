package dev.ordo.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How Ordo opens a SQLite file.
 *
 * @param readers     the size of the pool of read connections (the writer has its own single connection)
 * @param busyTimeout how long a connection waits for a lock held by another process before failing
 */
public record SqliteOptions(int readers, Duration busyTimeout) {

    public SqliteOptions {
        if (readers < 1) {
            throw new IllegalArgumentException("at least one reader connection is needed, got " + readers);
        }
        Objects.requireNonNull(busyTimeout, "busyTimeout");
    }

    /** Four readers and a 10-second busy timeout. */
    public static SqliteOptions defaults() {
        return new SqliteOptions(4, Duration.ofSeconds(10));
    }

    public SqliteOptions withReaders(int readers) {
        return new SqliteOptions(readers, busyTimeout);
    }
}
