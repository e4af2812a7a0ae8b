package dev.ordo.core.store;

import dev.ordo.core.event.StreamId;
import java.util.UUID;

/**
 * An already stored event among the ids of an append: the input of the idempotency rule in {@link AppendRules}.
 *
 * @param eventId       the stored id
 * @param streamId      its stream
 * @param streamVersion its version in the stream
 * @param position      its global position
 * @param eventType     its stored type name
 * @param schemaVersion its stored schema version
 * @param samePayload   whether its stored payload equals the payload of the appended event with this id, as the
 *                      backend compares payloads: as JSON values where it stores them parsed (PostgreSQL's
 *                      {@code jsonb}), as text where it stores the text (SQLite, in memory)
 */
public record StoredEventRef(UUID eventId, StreamId streamId, long streamVersion, long position, String eventType,
                             int schemaVersion, boolean samePayload) {
}
