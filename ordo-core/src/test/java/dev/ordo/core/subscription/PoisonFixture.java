package dev.ordo.core.subscription;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.InMemoryDeadLetterStore;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscription named {@value #NAME} over an in-memory store whose consumer handles a page all or nothing (like a
 * transaction) and fails on every event marked as poison (or a given number of times), throws an {@link Error} on
 * every event marked so, and fails every page with a lost connection while its database is {@link #down}, with an
 * in-memory dead-letter store.
 */
final class PoisonFixture implements AutoCloseable {

    static final String NAME = "reader";
    static final Origin ORIGIN = Origin.subscription(NAME);
    /** 3 attempts, 10 ms apart and more: a poison event is parked within a few tens of milliseconds. */
    static final DeadLetterPolicy FAST = DeadLetterPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
            .multiplier(2).maxDelay(Duration.ofMillis(40)).jitter(0).build();

    final InMemoryEventStore store = new InMemoryEventStore();
    final HeadSignal signal = new HeadSignal();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Subscriptions subscriptions = new Subscriptions(store, signal, meters, Clock.systemUTC());
    final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    final DeadLetterStore deadLetters;
    final List<RecordedEvent> received = Collections.synchronizedList(new ArrayList<>());
    final Set<UUID> poison = ConcurrentHashMap.newKeySet();
    /** Events that fail this many more times, then succeed. */
    final Map<UUID, Integer> failuresLeft = new ConcurrentHashMap<>();
    /** Events whose handling throws an {@link Error}, as a handler's bug or exhausted stack would. */
    final Set<UUID> errors = ConcurrentHashMap.newKeySet();
    /** While true, every page fails as if the consumer's database could not be reached. */
    final AtomicBoolean down = new AtomicBoolean();
    /** Pages that failed because the database was down. */
    final AtomicInteger outageFailures = new AtomicInteger();

    PoisonFixture() {
        this(new InMemoryDeadLetterStore());
    }

    PoisonFixture(DeadLetterStore deadLetters) {
        this.deadLetters = deadLetters;
        store.onCommit(signal::advance);
    }

    SubscriptionOptions options(PoisonPolicy policy) {
        return SubscriptionOptions.defaults().withPollInterval(Duration.ofHours(1)).withBatchSize(4)
                .withMaxBackoff(Duration.ofMillis(100)).withDeadLetters(policy, deadLetters, FAST);
    }

    Subscription start(PoisonPolicy policy) {
        CheckpointedConsumer consumer = new CheckpointedConsumer(NAME, checkpoints, page -> {
            if (down.get()) {
                outageFailures.incrementAndGet();
                throw new SQLTransientConnectionException("connection refused: the database is down");
            }
            for (RecordedEvent event : page) {
                if (errors.contains(event.eventId())) {
                    throw new StackOverflowError("handling event " + event.eventId());
                }
                Integer left = failuresLeft.computeIfPresent(event.eventId(), (id, n) -> n - 1);
                if (poison.contains(event.eventId()) || left != null && left >= 0) {
                    throw new IllegalStateException("cannot handle event " + event.eventId());
                }
            }
            received.addAll(page);
        });
        return subscriptions.start(NAME, consumer, options(policy));
    }

    /** Appends one event to each stream, in order, and returns them as recorded. */
    List<RecordedEvent> append(String... streams) {
        long from = store.headPosition() + 1;
        for (String stream : streams) {
            store.append(StreamId.of(stream), ExpectedVersion.any(),
                    List.of(EventData.of("test.happened", 1, "{\"s\":\"" + stream + "\"}", EventMetadata.empty())));
        }
        return store.readAll(from, streams.length);
    }

    DeadLetter letterOf(RecordedEvent event) {
        return deadLetters.find(ORIGIN, event.eventId().toString()).orElseThrow();
    }

    boolean hasLetter(RecordedEvent event) {
        return deadLetters.find(ORIGIN, event.eventId().toString()).isPresent();
    }

    List<Long> receivedPositions() {
        synchronized (received) {
            return received.stream().map(RecordedEvent::position).toList();
        }
    }

    List<Long> receivedPositionsOf(String stream) {
        synchronized (received) {
            return received.stream().filter(e -> e.streamId().value().equals(stream)).map(RecordedEvent::position)
                    .toList();
        }
    }

    @Override
    public void close() {
        subscriptions.close();
    }
}
