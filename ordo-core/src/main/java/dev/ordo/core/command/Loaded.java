package dev.ordo.core.command;

import dev.ordo.core.event.StreamId;

/**
 * A stream's state folded from its events.
 *
 * @param streamId   the stream
 * @param state      the folded state
 * @param version    the version of the last event folded in (0 when the stream has no events)
 * @param eventsRead how many events were read and folded (excluding those covered by a snapshot)
 * @param fromSnapshot whether the fold started from a snapshot
 * @param <S> the state type
 */
public record Loaded<S>(StreamId streamId, S state, long version, long eventsRead, boolean fromSnapshot) {
}
