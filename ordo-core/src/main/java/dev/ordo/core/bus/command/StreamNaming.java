package dev.ordo.core.bus.command;

import dev.ordo.core.event.InvalidStreamIdException;
import dev.ordo.core.event.StreamId;
import java.util.Objects;

/**
 * How a context names the streams of one kind of aggregate and addresses its commands to them: the aggregate with id
 * {@code K} lives on the stream {@code <category>-<id>} ({@link StreamId#of(String, Object)}), and a command for it
 * travels the command bus as a {@link StreamCommand} to that stream. Declared once per context, typically as a
 * constant, so that every caller names the stream the same way; the handler that decides the commands is registered
 * with {@link SimpleCommandBus.Builder#registerStreams}, or kept together with this naming in {@link Streams}.
 *
 * <p>Guarantees: every stream named here belongs to {@link #category()} ({@link StreamId#category()}), since a
 * category holds no {@code -}. Immutable and thread-safe.
 *
 * @param category the category of every stream named here: a valid stream id without {@code -}, such as
 *                 {@code order}
 * @param <K> the aggregate's id type; its {@code toString()} is the part after the category
 * @param <C> the type of the commands addressed to these streams
 * @throws InvalidStreamIdException when the category is not a valid stream id, or holds a {@code -}
 */
public record StreamNaming<K, C>(String category) {

    public StreamNaming {
        // the category starts every stream id named here, so it obeys a stream id's rules
        StreamId.of(category);
        if (category.indexOf('-') >= 0) {
            throw new InvalidStreamIdException(category, "a category must not contain '-', which ends it");
        }
    }

    /** The naming of the streams {@code <category>-<id>}; see the rules of {@link #category()}. */
    public static <K, C> StreamNaming<K, C> of(String category) {
        return new StreamNaming<>(category);
    }

    /**
     * The stream of the aggregate with this id.
     *
     * @throws NullPointerException    when the id is null
     * @throws InvalidStreamIdException when the id's text breaks a rule of {@link StreamId}
     */
    public StreamId stream(K id) {
        return StreamId.of(category, Objects.requireNonNull(id, "id"));
    }

    /**
     * The command for the aggregate with this id, to be decided on its stream's current version.
     *
     * @throws NullPointerException    when the id or the command is null
     * @throws InvalidStreamIdException as for {@link #stream}
     */
    public StreamCommand<C> command(K id, C command) {
        return StreamCommand.to(stream(id), command);
    }

    /**
     * The command for the aggregate with this id, to be decided only if its stream is still at
     * {@code expectedVersion} (the version the caller saw, such as an HTTP {@code If-Match}); {@code null}: at its
     * current version, as {@link #command(Object, Object)}.
     *
     * @throws NullPointerException    when the id or the command is null
     * @throws InvalidStreamIdException as for {@link #stream}
     */
    public StreamCommand<C> command(K id, C command, Long expectedVersion) {
        return StreamCommand.to(stream(id), command, expectedVersion);
    }
}
