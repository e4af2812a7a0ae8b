package dev.ordo.core.bus.command;

import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import java.util.Objects;
import java.util.Optional;

/**
 * The streams of one kind of aggregate together with the handler that decides their commands: a context's
 * {@link StreamNaming} and its decider's {@link CommandHandler}, so that the context's aggregates are loaded and
 * handled by id. Each method names the stream with {@link #naming()} and does exactly what the
 * {@link CommandHandler} method of the same name does on it, with the same guarantees and exceptions; register
 * {@link #handler()} with {@link SimpleCommandBus.Builder#registerStreams} for the commands {@link #naming()}
 * addresses. Immutable; thread-safe as the handler is.
 *
 * @param naming  how the streams are named and commands addressed to them
 * @param handler decides the commands on those streams
 * @param <K> the aggregate's id type
 * @param <C> the command type
 * @param <S> the state type
 * @param <E> the event type
 */
public record Streams<K, C, S, E>(StreamNaming<K, C> naming, CommandHandler<C, S, E> handler) {

    public Streams {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(handler, "handler");
    }

    /** The stream of the aggregate with this id ({@link StreamNaming#stream}). */
    public StreamId stream(K id) {
        return naming.stream(id);
    }

    /** Handles the command on the aggregate's stream at its current version ({@link CommandHandler#handle}). */
    public CommandResult<S, E> handle(K id, C command, EventMetadata metadata) {
        return handler.handle(stream(id), command, metadata);
    }

    /** The aggregate as it is now ({@link CommandHandler#load}). */
    public Loaded<S> load(K id) {
        return handler.load(stream(id));
    }

    /**
     * The aggregate right after the event with the given version; empty when its stream never reached it
     * ({@link CommandHandler#loadAt}).
     */
    public Optional<Loaded<S>> loadAt(K id, long version) {
        return handler.loadAt(stream(id), version);
    }
}
