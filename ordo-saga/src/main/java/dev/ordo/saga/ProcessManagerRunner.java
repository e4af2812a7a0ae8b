package dev.ordo.saga;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.CommandMessage;
import dev.ordo.core.event.Envelope;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.subscription.CheckpointStore;
import dev.ordo.core.subscription.CheckpointedConsumer;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Runs a {@link ProcessManager} on a checkpointed subscription and dispatches its commands through the command
 * bus. Delivery is at-least-once: after a crash between a command and the checkpoint, the event is handled again.
 * Each command is dispatched with a command id derived from the event's id and the command's index, and with the
 * event as its causation and the event's correlation id, so handlers can recognise a repeated command.
 */
public final class ProcessManagerRunner {

    private ProcessManagerRunner() {
    }

    /** Starts the process manager's subscription. */
    public static <E> Subscription start(ProcessManager<E> manager, Subscriptions subscriptions,
                                         CheckpointStore checkpoints, EventSerializer serializer, CommandBus commands,
                                         SubscriptionOptions options) {
        CheckpointedConsumer consumer = new CheckpointedConsumer(manager.name(), checkpoints,
                page -> page.forEach(event -> react(manager, serializer, commands, event)));
        return subscriptions.start(manager.name(), consumer, options.withFilter(manager.filter()));
    }

    private static <E> void react(ProcessManager<E> manager, EventSerializer serializer, CommandBus commands,
                                  RecordedEvent recorded) {
        Object event = serializer.deserialize(recorded);
        if (!manager.eventType().isInstance(event)) {
            return;
        }
        List<Object> reactions = manager.react(new Envelope<>(recorded, manager.eventType().cast(event)));
        for (int i = 0; i < reactions.size(); i++) {
            UUID commandId = UUID.nameUUIDFromBytes((manager.name() + ":" + recorded.eventId() + ":" + i)
                    .getBytes(StandardCharsets.UTF_8));
            EventMetadata metadata = EventMetadata.empty()
                    .withCorrelationId(recorded.metadata().correlationId() != null ? recorded.metadata().correlationId()
                            : recorded.eventId().toString())
                    .withCausationId(recorded.eventId().toString())
                    .withActor("process-manager:" + manager.name());
            commands.dispatch(new CommandMessage(reactions.get(i), commandId, metadata));
        }
    }
}
