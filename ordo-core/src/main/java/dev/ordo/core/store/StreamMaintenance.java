package dev.ordo.core.store;

import dev.ordo.core.event.StreamId;

/**
 * Deletion and truncation of streams. None of these operations removes events from {@code $all}: the global
 * log stays a complete, ordered record of what happened, so subscribers never lose their place.
 */
public interface StreamMaintenance {

    /**
     * Hides every current event of the stream from stream reads. A later append revives the stream, continuing
     * its version, and the earlier events stay hidden.
     *
     * @throws WrongExpectedVersionException when the stream is not at the expected version
     * @throws StreamDeletedException        when the stream is tombstoned
     */
    void softDelete(StreamId stream, ExpectedVersion expected);

    /**
     * Deletes the stream for good: its name can never be read or written again.
     *
     * @throws WrongExpectedVersionException when the stream is not at the expected version
     * @throws StreamDeletedException        when the stream is already tombstoned
     */
    void tombstone(StreamId stream, ExpectedVersion expected);

    /**
     * Hides the events of the stream whose version is lower than {@code beforeVersion} from stream reads, for
     * example after a snapshot made them unnecessary. Truncation only moves forwards: a lower value than the
     * current truncation point changes nothing.
     *
     * @throws StreamDeletedException   when the stream is tombstoned
     * @throws IllegalArgumentException when {@code beforeVersion} is less than 1
     */
    void truncateBefore(StreamId stream, long beforeVersion);
}
