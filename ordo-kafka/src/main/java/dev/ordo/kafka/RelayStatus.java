package dev.ordo.kafka;

/**
 * A snapshot of a relay, for health checks and dashboards.
 *
 * @param name       the relay
 * @param state      what it is doing
 * @param position   the position of the last event it published (committed in Kafka), -1 when not known (a
 *                   standby does not read it)
 * @param head       the head of the log when last looked at
 * @param lagEvents  how many positions the published events are behind the head (0 unless active)
 * @param lagSeconds how old the oldest event not yet published is (0 unless active, or when caught up)
 * @param published  how many events this relay published since it started
 * @param failures   how many attempts failed since it started (Kafka or the store down, fencing, lost leases)
 * @param lastError  the last failure, or {@code null}
 */
public record RelayStatus(String name, State state, long position, long head, long lagEvents, double lagSeconds,
                          long published, long failures, String lastError) {

    /** The lifecycle of a relay. */
    public enum State {
        /** Waiting for the lease: another relay of the same name is active (or none could be taken yet). */
        STANDBY,
        /** Holds the lease and publishes (or retries while Kafka or the store fails). */
        ACTIVE,
        /** Closed. */
        STOPPED
    }
}
