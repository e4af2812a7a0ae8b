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
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
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
 * event as its causation and the event's correlation id, so handlers can recognise a repeated command. Each reaction
 * that has commands runs in a span named {@code react <manager>} continuing the event's trace, and its commands carry
 * that span's {@code traceparent} (with {@link Tracing#none()}, the event's), so they continue the event's trace.
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

    /** Starts the process manager's subscription, without spans of its own. */
    public static <E> Subscription start(ProcessManager<E> manager, Subscriptions subscriptions,
                                         CheckpointStore checkpoints, EventSerializer serializer, CommandBus commands,
                                         SubscriptionOptions options) {
        return start(manager, subscriptions, checkpoints, serializer, commands, options, Tracing.none());
    }

    /** Starts the process manager's subscription; its reactions' spans go to {@code tracing}. */
    public static <E> Subscription start(ProcessManager<E> manager, Subscriptions subscriptions,
                                         CheckpointStore checkpoints, EventSerializer serializer, CommandBus commands,
                                         SubscriptionOptions options, Tracing tracing) {
        CheckpointedConsumer consumer = new CheckpointedConsumer(manager.name(), checkpoints,
                page -> handle(page, event -> react(manager, serializer, commands, event, tracing)));
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
     * a repeated reaction dispatches the same ids), the event as causation, its correlation id and its trace context.
     * Used by the runner and by transports that deliver events of their own (a Kafka subscription).
     *
     * @throws RuntimeException what a dispatch threw; the commands before it were dispatched
     */
    public static <E> void react(ProcessManager<E> manager, EventSerializer serializer, CommandBus commands,
                                 RecordedEvent recorded) {
        react(manager, serializer, commands, recorded, Tracing.none());
    }

    /**
     * Reacts to one event as {@link #react(ProcessManager, EventSerializer, CommandBus, RecordedEvent)} does, in a
     * span named {@code react <manager>} (only when there are commands) that continues the event's trace; the
     * commands carry that span's {@code traceparent}.
     *
     * @throws RuntimeException what a dispatch threw; the commands before it were dispatched
     */
    public static <E> void react(ProcessManager<E> manager, EventSerializer serializer, CommandBus commands,
                                 RecordedEvent recorded, Tracing tracing) {
        Object event = serializer.deserialize(recorded);
        if (!manager.eventType().isInstance(event)) {
            return;
        }
        List<Object> reactions = manager.react(new Envelope<>(recorded, manager.eventType().cast(event)));
        if (reactions.isEmpty()) {
            return;
        }
        try (TraceSpan span = tracing.start("react " + manager.name(), recorded.metadata().traceParent())) {
            span.tag("ordo.event.type", recorded.eventType()).tag("ordo.stream", recorded.streamId().value());
            EventMetadata metadata = EventMetadata.empty()
                    .withCorrelationId(recorded.metadata().correlationId() != null ? recorded.metadata().correlationId()
                            : recorded.eventId().toString())
                    .withCausationId(recorded.eventId().toString())
                    .withActor("process-manager:" + manager.name())
                    .withTraceParent(span.traceParent());
            try {
                for (int i = 0; i < reactions.size(); i++) {
                    UUID commandId = UUID.nameUUIDFromBytes((manager.name() + ":" + recorded.eventId() + ":" + i)
                            .getBytes(StandardCharsets.UTF_8));
                    commands.dispatch(new CommandMessage(reactions.get(i), commandId, metadata));
                }
            } catch (RuntimeException | Error e) {
                span.error(e);
                throw e;
            }
        }
    }
}
