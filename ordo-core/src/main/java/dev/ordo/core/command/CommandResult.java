package dev.ordo.core.command;

import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import java.util.List;
import java.util.Optional;

/**
 * What handling a command did.
 *
 * @param streamId the stream the command was handled on
 * @param state    the state after the new events
 * @param version  the stream's version after the command (unchanged when it produced no events)
 * @param events   the new events, empty when the command changed nothing
 * @param appended where the events were stored; empty when there were none
 * @param attempts how many times the command was decided (more than 1 after conflict retries)
 * @param <S> the state type
 * @param <E> the event type
 */
public record CommandResult<S, E>(StreamId streamId, S state, long version, List<E> events,
                                  Optional<AppendResult> appended, int attempts) {
}
