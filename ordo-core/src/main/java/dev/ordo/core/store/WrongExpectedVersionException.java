package dev.ordo.core.store;

import dev.ordo.core.event.StreamId;

/**
 * The stream was not at the expected version; nothing was written. Load the stream again and retry if the
 * command still applies.
 */
public final class WrongExpectedVersionException extends EventStoreException {

    private final StreamId streamId;
    private final ExpectedVersion expected;
    private final long actualVersion;

    public WrongExpectedVersionException(StreamId streamId, ExpectedVersion expected, long actualVersion) {
        super("stream " + streamId + " was expected at version " + expected + " but is at version " + actualVersion);
        this.streamId = streamId;
        this.expected = expected;
        this.actualVersion = actualVersion;
    }

    public StreamId streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's version when the append was refused (0 when it has no events). */
    public long actualVersion() {
        return actualVersion;
    }
}
