package dev.ordo.kafka.consumer;

import dev.ordo.core.event.StreamId;

/**
 * A record whose stream version skips versions the consumer has not applied: events of the stream were lost or
 * filtered before publication. The record is not applied; it becomes a dead letter and holds its stream.
 */
public final class StreamGapException extends RuntimeException {

    private final StreamId stream;
    private final long expected;
    private final long received;

    StreamGapException(StreamId stream, long expected, long received) {
        super("stream " + stream + ": expected version " + expected + ", the record carries version " + received
                + " (versions " + expected + " to " + (received - 1) + " were never applied)");
        this.stream = stream;
        this.expected = expected;
        this.received = received;
    }

    public StreamId stream() {
        return stream;
    }

    public long expected() {
        return expected;
    }

    public long received() {
        return received;
    }
}
