package dev.ordo.core.store;

import dev.ordo.core.event.StreamId;

/**
 * The state of a stream.
 *
 * @param streamId        the stream
 * @param version         the version of its last event, 0 when it has none
 * @param status          active, soft-deleted or tombstoned
 * @param truncatedBefore events with a lower version are hidden from stream reads (1 when nothing is hidden)
 */
public record StreamInfo(StreamId streamId, long version, StreamStatus status, long truncatedBefore) {
}
