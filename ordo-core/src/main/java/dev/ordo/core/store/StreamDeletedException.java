package dev.ordo.core.store;

import dev.ordo.core.event.StreamId;

/** The stream was tombstoned: it can be neither read nor written again. */
public final class StreamDeletedException extends EventStoreException {

    private final StreamId streamId;

    public StreamDeletedException(StreamId streamId) {
        super("stream " + streamId + " is deleted permanently (tombstoned)");
        this.streamId = streamId;
    }

    public StreamId streamId() {
        return streamId;
    }
}
