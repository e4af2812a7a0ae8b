package dev.ordo.core.snapshot;

import dev.ordo.core.event.StreamId;
import java.time.Instant;
import java.util.Objects;

/**
 * The state of a stream after a given version, encoded as JSON.
 *
 * @param streamId      the stream
 * @param version       the version of the last event folded into the state
 * @param schemaVersion the version of the state's shape; a snapshot whose schema version differs from the
 *                      current one is stale and ignored
 * @param state         the encoded state
 * @param takenAt       when it was taken
 */
public record Snapshot(StreamId streamId, long version, int schemaVersion, String state, Instant takenAt) {

    public Snapshot {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(takenAt, "takenAt");
        if (version < 1) {
            throw new IllegalArgumentException("a snapshot is taken after at least one event, version was " + version);
        }
    }
}
