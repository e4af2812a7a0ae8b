package dev.ordo.core.store;

import java.util.stream.LongStream;

/**
 * The outcome of an append. The positions of one append's events are contiguous in the global log.
 *
 * @param streamVersion the stream's version after the append (the version of its last new event)
 * @param firstPosition the global position of the first appended event
 * @param lastPosition  the global position of the last appended event
 */
public record AppendResult(long streamVersion, long firstPosition, long lastPosition) {

    /** The global position of every appended event, in order. */
    public LongStream positions() {
        return LongStream.rangeClosed(firstPosition, lastPosition);
    }

    /** How many events the append wrote. */
    public int eventCount() {
        return (int) (lastPosition - firstPosition + 1);
    }
}
