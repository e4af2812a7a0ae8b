package dev.ordo.core.store;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import java.util.List;

/** Appends events to streams. Thread-safe. */
public interface EventWriter {

    /**
     * Appends events to a stream atomically: all of them or none.
     *
     * <p>When every event id is already stored as a previous append of exactly these events to this stream, the
     * call writes nothing and returns the original result, so a retry after a lost response is safe.
     *
     * @param stream   the stream to append to (created by its first append)
     * @param expected what the stream's version must be
     * @param events   1 or more events with distinct ids, within the store's size limits
     * @return the stream's new version and the events' global positions
     * @throws WrongExpectedVersionException when the stream is not at the expected version
     * @throws StreamDeletedException        when the stream is tombstoned
     * @throws InvalidAppendException        when the request is malformed (null, empty, too large, repeated ids)
     * @throws DuplicateEventIdException     when some ids are stored but the request is not an exact retry
     * @throws EventStoreUnavailableException when the store failed; the outcome is unknown, retry is idempotent
     */
    AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events);
}
