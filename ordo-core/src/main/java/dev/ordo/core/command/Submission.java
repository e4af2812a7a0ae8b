package dev.ordo.core.command;

import dev.ordo.core.event.EventMetadata;
import java.util.Objects;

/**
 * A command handed to {@link CommandHandler#handleAll} together with the metadata its events are stored with.
 *
 * @param command  the command
 * @param metadata stamped on every event the command produces
 * @param <C> the command type
 */
public record Submission<C>(C command, EventMetadata metadata) {

    public Submission {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(metadata, "metadata");
    }
}
