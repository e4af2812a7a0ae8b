package dev.ordo.core.bus.command;

import dev.ordo.core.event.StreamId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * A domain command addressed to one stream, on its way through the command bus: the stream it goes to, the command,
 * and optionally the version of the stream the caller saw (HTTP {@code If-Match}). A bus built with
 * {@link SimpleCommandBus.Builder#registerStreams} hands it to the {@link dev.ordo.core.command.CommandHandler}
 * registered for the command's type, and {@link SimpleCommandBus.Builder#combineStreamCommands} lets the commands on its stream take turns. Immutable.
 *
 * @param stream          the stream the command is decided on
 * @param command         the domain command (validated, when the bus validates)
 * @param expectedVersion the version the caller saw, or {@code null} to decide on the current version
 * @param <C> the command type
 */
public record StreamCommand<C>(@NotNull StreamId stream, @NotNull @Valid C command, Long expectedVersion)
        implements AddressedCommand {

    public StreamCommand {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(command, "command");
    }

    /** The command, decided on the stream's current version. */
    public static <C> StreamCommand<C> to(StreamId stream, C command) {
        return new StreamCommand<>(stream, command, null);
    }

    /** The command, decided only if the stream is still at {@code version} (null: at its current version). */
    public static <C> StreamCommand<C> to(StreamId stream, C command, Long version) {
        return new StreamCommand<>(stream, command, version);
    }
}
