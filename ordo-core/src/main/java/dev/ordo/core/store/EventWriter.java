package dev.ordo.core.store;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import java.util.List;

/** Appends events to streams. Thread-safe. */
public interface EventWriter {

    /**
     * Appends events to a stream atomically: all of them or none.
     *
     * <p><b>Retries.</b> When every event id is already stored as a previous append of exactly these events to this
     * stream (same ids in the same order, each with the same type, schema version and payload; metadata is not
     * compared; after the same expected version when that is exact), the call writes nothing and returns the original
     * result, so a retry after a lost answer is safe. Stored ids in any other shape are a
     * {@link DuplicateEventIdException}, and nothing is written.
     *
     * <p><b>Outcomes.</b> When this method returns, the events are committed; when it throws anything but an
     * {@link EventStoreUnavailableException} whose {@link EventStoreUnavailableException#mayHaveWritten()} is true,
     * nothing was written and nothing of this call will be written later. A caller that gives up waiting (its
     * store-side timeout runs out, or its thread is interrupted) never leaves an append that commits later unseen:
     * either the append is withdrawn before it is written ({@code mayHaveWritten() == false}, the thread's interrupt flag
     * stays set), or, once the store has begun to write it, the call waits for that outcome (keeping the interrupt for
     * the caller) and reports it. Only when the store could not learn the outcome (the database went away while
     * committing it) is it unknown ({@code mayHaveWritten() == true}); retrying with the same event ids then settles
     * it: the events end up in the log exactly once, and the retry returns their positions.
     *
     * @param stream   the stream to append to (created by its first append)
     * @param expected what the stream's version must be
     * @param events   1 or more events with distinct ids, within the store's size limits
     * @return the stream's new version and the events' global positions
     * @throws WrongExpectedVersionException  when the stream is not at the expected version; nothing was written
     * @throws StreamDeletedException         when the stream is tombstoned; nothing was written
     * @throws InvalidAppendException         when the request is malformed (null, empty, too large, repeated ids, a
     *                                        payload the store cannot parse); nothing was written
     * @throws DuplicateEventIdException      when some ids are stored but the request is not an exact retry; nothing
     *                                        was written
     * @throws EventStoreUnavailableException when the store is closed or unreachable, or the caller gave up:
     *                                        {@link EventStoreUnavailableException#mayHaveWritten()} tells whether the
     *                                        outcome is unknown or known to be nothing
     */
    AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events);
}
