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
import dev.ordo.core.event.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs a {@link ProcessManager} on a checkpointed subscription and dispatches its commands through the command
 * bus. Delivery is at-least-once: after a crash between a command and the checkpoint, the event is handled again.
 * Each command is dispatched with a command id derived from the event's id and the command's index, and with the
 * event as its causation and the event's correlation id, so handlers can recognise a repeated command.
 *
 * <p>Ordering: the events of one stream are reacted to one after the other, in stream order, each event's commands
 * in the order the process manager returned them. Within a page, different streams are handled concurrently (on
 * virtual threads, at most {@value #MAX_PARALLEL_STREAMS} at once), as Axon's sequential-per-aggregate policy does,
 * so a burst of orders starts its sagas side by side rather than one commit after the other. The checkpoint moves
 * only once every stream of the page is done; if any failed, the page fails with the first failure (in page order)
 * and is delivered again, commands that had succeeded included.
 */
public final class ProcessManagerRunner {

    /** The most streams of one page reacted to at the same time. */
    public static final int MAX_PARALLEL_STREAMS = 64;

    private ProcessManagerRunner() {
    }

    /** Starts the process manager's subscription. */
    public static <E> Subscription start(ProcessManager<E> manager, Subscriptions subscriptions,
                                         CheckpointStore checkpoints, EventSerializer serializer, CommandBus commands,
                                         SubscriptionOptions options) {
        CheckpointedConsumer consumer = new CheckpointedConsumer(manager.name(), checkpoints,
                page -> handle(page, event -> react(manager, serializer, commands, event)));
        return subscriptions.start(manager.name(), consumer, options.withFilter(manager.filter()));
    }

    private static void handle(List<RecordedEvent> page, Consumer<RecordedEvent> reaction) throws Exception {
        Map<StreamId, List<RecordedEvent>> byStream = new LinkedHashMap<>();
        for (RecordedEvent event : page) {
            byStream.computeIfAbsent(event.streamId(), stream -> new ArrayList<>()).add(event);
        }
        if (byStream.size() == 1) {
            page.forEach(reaction);
            return;
        }
        Semaphore permits = new Semaphore(MAX_PARALLEL_STREAMS);
        List<Future<?>> streams = new ArrayList<>(byStream.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<RecordedEvent> events : byStream.values()) {
                permits.acquire();
                streams.add(executor.submit(() -> {
                    try {
                        events.forEach(reaction);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        for (Future<?> stream : streams) {
            try {
                stream.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception failure ? failure : e;
            }
        }
    }

    /**
     * Reacts to one event: deserializes it, skips it unless it is an {@code E}, and dispatches the process manager's
     * commands in order, each with the id derived from the manager's name, the event's id and the command's index (so
     * a repeated reaction dispatches the same ids), the event as causation and its correlation id. Used by the runner
     * and by transports that deliver events of their own (a Kafka subscription).
     *
     * @throws RuntimeException what a dispatch threw; the commands before it were dispatched
     */
    public static <E> void react(ProcessManager<E> manager, EventSerializer serializer, CommandBus commands,
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
