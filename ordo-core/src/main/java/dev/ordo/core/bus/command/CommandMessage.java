package dev.ordo.core.bus.command;

import dev.ordo.core.event.EventIds;
import dev.ordo.core.event.EventMetadata;
import java.util.Objects;
import java.util.UUID;

/**
 * A command on its way through the bus, with its id and the metadata its events will carry.
 *
 * @param command   the command, never {@code null}
 * @param commandId the id of this dispatch, never {@code null}; the causation id of the events the command causes
 * @param metadata  correlation, causation, actor and trace context; {@code null} becomes {@link EventMetadata#empty()}
 */
public record CommandMessage(Object command, UUID commandId, EventMetadata metadata) {

    public CommandMessage {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(commandId, "commandId");
        metadata = metadata == null ? EventMetadata.empty() : metadata;
    }

    /** A message with a new time-ordered command id ({@link EventIds#next()}). */
    public CommandMessage(Object command, EventMetadata metadata) {
        this(command, EventIds.next(), metadata);
    }

    /** The same command and id with other metadata. */
    public CommandMessage withMetadata(EventMetadata value) {
        return new CommandMessage(command, commandId, value);
    }

    /**
     * The command's simple class name, as logs, metrics and the MDC name it; for an {@link AddressedCommand}, the
     * wrapped command's.
     */
    public String commandType() {
        Object named = command instanceof AddressedCommand addressed && addressed.command() != null
                ? addressed.command() : command;
        return SIMPLE_NAMES.get(named.getClass());
    }

    private static final ClassValue<String> SIMPLE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };
}
