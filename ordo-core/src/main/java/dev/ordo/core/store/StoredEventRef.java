package dev.ordo.core.store;

import dev.ordo.core.event.StreamId;
import java.util.UUID;

/**
 * Where an already stored event id lives; the input of the idempotency rule in {@link AppendRules}.
 *
 * @param eventId       the stored id
 * @param streamId      its stream
 * @param streamVersion its version in the stream
 * @param position      its global position
 */
public record StoredEventRef(UUID eventId, StreamId streamId, long streamVersion, long position) {
}
