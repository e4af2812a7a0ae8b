package dev.ordo.core.bus.event;

import dev.ordo.core.bus.event.Subscribers.Subscriber;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.UnknownEventTypeException;
import dev.ordo.core.subscription.CheckpointStore;
import dev.ordo.core.subscription.CheckpointedConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers recorded events to the listeners of this JVM, synchronously on the publishing thread.
 *
 * <p>Each published event is deserialized once; when the serializer does not know its stored type (or cannot read
 * its payload, which is logged at WARN), the message carries no domain event and reaches only listeners that do
 * not select by class. The message then passes the middlewares in registration order, which may enrich or drop
 * it, and reaches every listener whose selector matches: higher priority first, equal priorities in subscription
 * order. Events of one {@code publish} call are delivered in list order, each to all its listeners before the next.
 *
 * <p>A listener that throws does not stop delivery to the others: the failure is logged at WARN, kept among the
 * last {@link Builder#failureCapacity(int) 1,000} {@link #failures()} and counted in the Micrometer counter
 * {@code ordo.eventbus.failures} (tag {@code listener}) when a registry is configured. A middleware that throws
 * fails the {@code publish} call.
 *
 * <p>Thread-safe: listeners may subscribe and unsubscribe while other threads publish; each event goes to the
 * listeners subscribed when its delivery starts. Listeners of a bus published to from several threads must be
 * thread-safe.
 */
public final class EventBus {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final EventSerializer serializer;
    private final List<EventBusMiddleware> middlewares;
    private final Subscribers subscribers = new Subscribers();
    private final FailureLog failures;

    private EventBus(Builder builder) {
        this.serializer = builder.serializer;
        this.middlewares = List.copyOf(builder.middlewares);
        this.failures = new FailureLog(builder.failureCapacity, builder.registry, builder.clock);
    }

    /** A bus that deserializes events with the given serializer. */
    public static Builder builder(EventSerializer serializer) {
        return new Builder(serializer);
    }

    /**
     * Subscribes a listener under a name derived from its class (or, for a lambda, its selector), made unique.
     *
     * @param priority higher runs first; equal priorities run in subscription order
     */
    public Registration subscribe(EventSelector selector, int priority, EventListener listener) {
        return register(subscribers.add(null, selector, priority, listener));
    }

    /**
     * Subscribes a listener under a name that failures and metrics report.
     *
     * @param priority higher runs first; equal priorities run in subscription order
     * @throws IllegalArgumentException when a subscribed listener already has that name
     */
    public Registration subscribe(String name, EventSelector selector, int priority, EventListener listener) {
        return register(subscribers.add(Objects.requireNonNull(name, "name"), selector, priority, listener));
    }

    private Registration register(Subscriber subscriber) {
        return new Registration() {
            @Override
            public String listener() {
                return subscriber.name();
            }

            @Override
            public void unsubscribe() {
                subscribers.remove(subscriber);
            }
        };
    }

    /**
     * Delivers one event to its listeners.
     *
     * @throws RuntimeException what a middleware threw; listeners' failures are recorded, not thrown
     */
    public PublishResult publish(RecordedEvent recorded) {
        Objects.requireNonNull(recorded, "recorded");
        Optional<EventMessage> passed = Optional.of(new EventMessage(recorded, deserialize(recorded)));
        for (EventBusMiddleware middleware : middlewares) {
            passed = Objects.requireNonNull(middleware.apply(passed.get()),
                    "an event bus middleware returned null instead of an Optional");
            if (passed.isEmpty()) {
                return PublishResult.NONE;
            }
        }
        return deliver(passed.get());
    }

    /**
     * Delivers events in list order, each to all its listeners before the next.
     *
     * @throws RuntimeException what a middleware threw; the events before it were delivered
     */
    public PublishResult publish(List<RecordedEvent> events) {
        PublishResult result = PublishResult.NONE;
        for (RecordedEvent recorded : events) {
            result = result.plus(publish(recorded));
        }
        return result;
    }

    /** The most recent listener failures, oldest first; an immutable copy. */
    public List<ListenerFailure> failures() {
        return failures.snapshot();
    }

    /**
     * A consumer that feeds this bus from a checkpointed subscription (see
     * {@link dev.ordo.core.subscription.Subscriptions#start}): each page is published, then its checkpoint saved.
     * Listener failures are recorded and do not hold the checkpoint back; a middleware failure does, and the page is
     * retried. Delivery is at least once: after a crash between publishing and saving, the page comes again.
     */
    public CheckpointedConsumer consumer(String name, CheckpointStore checkpoints) {
        return new CheckpointedConsumer(name, checkpoints, this::publish);
    }

    private PublishResult deliver(EventMessage message) {
        int delivered = 0;
        int failed = 0;
        for (Subscriber subscriber : subscribers.snapshot()) {
            try {
                if (!subscriber.selector().matches(message)) {
                    continue;
                }
                subscriber.listener().on(message);
                delivered++;
            } catch (Exception | LinkageError e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failed++;
                RecordedEvent event = message.recorded();
                log.warn("listener {} failed on event {} ('{}' in {} at position {}); the other listeners still get it",
                        subscriber.name(), event.eventId(), event.eventType(), event.streamId(), event.position(), e);
                failures.record(subscriber.name(), event, e);
            }
        }
        return new PublishResult(delivered, failed);
    }

    private Object deserialize(RecordedEvent recorded) {
        try {
            return serializer.deserialize(recorded);
        } catch (UnknownEventTypeException unknown) {
            return null;
        } catch (RuntimeException unreadable) {
            log.warn("event {} ('{}' in {} at position {}) could not be deserialized; listeners selecting by class "
                    + "do not get it", recorded.eventId(), recorded.eventType(), recorded.streamId(),
                    recorded.position(), unreadable);
            return null;
        }
    }

    /** Configures an {@link EventBus}; not thread-safe. */
    public static final class Builder {

        private final EventSerializer serializer;
        private final List<EventBusMiddleware> middlewares = new ArrayList<>();
        private MeterRegistry registry;
        private int failureCapacity = 1_000;
        private Clock clock = Clock.systemUTC();

        private Builder(EventSerializer serializer) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
        }

        /** Adds a middleware that runs after the ones added before it. */
        public Builder middleware(EventBusMiddleware middleware) {
            middlewares.add(Objects.requireNonNull(middleware, "middleware"));
            return this;
        }

        /** Counts listener failures in this registry. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** How many of the most recent failures {@link EventBus#failures()} keeps; 1,000 unless set. */
        public Builder failureCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("failureCapacity must be at least 1, was " + capacity);
            }
            this.failureCapacity = capacity;
            return this;
        }

        /** The clock that stamps failures. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public EventBus build() {
            return new EventBus(this);
        }
    }
}
