package dev.ordo.kafka;

import java.util.Objects;
import javax.sql.DataSource;

/**
 * The right to be the active relay of a name: at most one holder at a time. A lease only keeps a standby from fighting
 * the active relay; correctness does not rest on it, because a relay that starts fences every earlier producer of its
 * transactional id in Kafka. Implementations are thread-safe.
 */
public interface RelayLease extends AutoCloseable {

    /**
     * Takes the lease when nobody holds it; true when this lease holds it now (taken now or earlier). Never waits for
     * another holder.
     *
     * @throws RuntimeException when the lease's backing store fails; the relay retries later
     */
    boolean tryAcquire();

    /** Whether this lease still holds, checked against its backing store; false when it cannot be checked. */
    boolean isHeld();

    /** Gives the lease up, if held; never throws. */
    void release();

    /** Releases the lease. */
    @Override
    default void close() {
        release();
    }

    /**
     * A lease among the relays of this JVM (for SQLite, whose store belongs to one process): one holder per key.
     *
     * @param key names what is leased; use the store's identity and the relay name, such as the database file's path
     */
    static RelayLease inProcess(String key) {
        return new InProcessLease(Objects.requireNonNull(key, "key"));
    }

    /**
     * A PostgreSQL session advisory lock on the key {@code ordo.relay:<relayName>}, held on a connection of its own
     * taken from the data source for as long as the lease is held. It is released when released, or when the session
     * ends (the process dies, the connection breaks, the server restarts), so a standby takes over after the next
     * {@link RelayConfig#leaseCheckInterval()}. A process that dies without closing its socket keeps the lock until the
     * server notices (TCP keepalive); fencing in Kafka keeps publication exactly-once meanwhile.
     */
    static RelayLease postgresAdvisoryLock(DataSource dataSource, String relayName) {
        return new PostgresAdvisoryLease(Objects.requireNonNull(dataSource, "dataSource"),
                "ordo.relay:" + Objects.requireNonNull(relayName, "relayName"));
    }
}
