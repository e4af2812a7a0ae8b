package dev.ordo.core.snapshot;

/**
 * Decides after a command whether to store a new snapshot. Because the input counts the events folded on top of
 * the last usable snapshot, a missing or stale snapshot is rebuilt by the next command on a long stream.
 * Implementations are pure and thread-safe.
 */
@FunctionalInterface
public interface SnapshotPolicy {

    /**
     * @param eventsSinceSnapshot events folded on top of the last usable snapshot (or since the stream's start),
     *                            including the ones the command just appended
     * @return true when a snapshot of the new state should be stored
     */
    boolean shouldSnapshot(long eventsSinceSnapshot);

    /** Never snapshots. */
    static SnapshotPolicy never() {
        return eventsSinceSnapshot -> false;
    }

    /** Snapshots once {@code n} or more events have been folded on top of the last snapshot. */
    static SnapshotPolicy everyNEvents(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("snapshot interval must be at least 1 event, was " + n);
        }
        return eventsSinceSnapshot -> eventsSinceSnapshot >= n;
    }
}
