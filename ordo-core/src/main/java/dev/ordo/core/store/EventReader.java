package dev.ordo.core.store;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads committed events. Every read sees only committed events, and a read of {@code $all} never skips an
 * event that a later read could return: positions become visible in increasing order. Thread-safe.
 */
public interface EventReader {

    /** The largest page a single read returns. */
    int MAX_PAGE = 10_000;

    /** The page size of {@link #readStreamForwards(StreamId)}. */
    int HISTORY_PAGE = 1_000;

    /**
     * Reads one stream.
     *
     * @param fromVersion first version to return (forwards: the lowest; backwards: the highest, use
     *                    {@code Long.MAX_VALUE} for the end)
     * @param limit       1 to {@value #MAX_PAGE} events
     * @return at most {@code limit} events in the given direction; empty when the stream does not exist or is
     *         soft-deleted; events before the stream's truncation point are never returned
     * @throws StreamDeletedException when the stream is tombstoned
     */
    List<RecordedEvent> readStream(StreamId stream, ReadDirection direction, long fromVersion, int limit);

    /**
     * Reads the global log from a position, in position order.
     *
     * @param fromPosition the first position to return (positions start at 1)
     * @param limit        1 to {@value #MAX_PAGE} events
     * @param filter       which events to return; the others are skipped
     */
    List<RecordedEvent> readAll(long fromPosition, int limit, EventFilter filter);

    /** The state of a stream, empty when it was never written (or deleted). */
    Optional<StreamInfo> streamInfo(StreamId stream);

    /** The position of the last committed event, 0 when the store is empty. */
    long headPosition();

    /** Reads a stream forwards from a version. */
    default List<RecordedEvent> readStreamForwards(StreamId stream, long fromVersion, int limit) {
        return readStream(stream, ReadDirection.FORWARDS, fromVersion, limit);
    }

    /**
     * Reads every event of one stream, oldest first, a page of {@value #HISTORY_PAGE} at a time, into one list: for
     * streams known to fit in memory, such as one aggregate's history. The pages are separate reads, so events appended
     * meanwhile may or may not be in the list, but it never has a gap or a duplicate.
     *
     * @return empty when the stream does not exist or is soft-deleted; events before its truncation point are never
     *         returned
     * @throws StreamDeletedException when the stream is tombstoned
     */
    default List<RecordedEvent> readStreamForwards(StreamId stream) {
        List<RecordedEvent> events = new ArrayList<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = readStreamForwards(stream, next, HISTORY_PAGE);
            events.addAll(page);
            if (page.size() < HISTORY_PAGE) {
                return events;
            }
            next = page.getLast().streamVersion() + 1;
        }
    }

    /** Reads the global log from a position without a filter. */
    default List<RecordedEvent> readAll(long fromPosition, int limit) {
        return readAll(fromPosition, limit, EventFilter.all());
    }
}
