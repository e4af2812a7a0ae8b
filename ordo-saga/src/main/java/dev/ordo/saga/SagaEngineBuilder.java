package dev.ordo.saga;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RememberingEventSerializer;
import dev.ordo.core.saga.SagaIndex;
import dev.ordo.core.saga.SagaSummary;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.trace.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** Configures a {@link SagaEngine}; not thread-safe. */
public final class SagaEngineBuilder {

    final EventStore store;
    final SagaIndex index;
    Clock clock = Clock.systemUTC();
    MeterRegistry meters;
    Duration pollInterval = Duration.ofMillis(500);
    int resumptionLimit = 10;
    int maxConcurrentDrives = 256;
    Duration abandonedActionWait = Duration.ofSeconds(30);
    Backoff transientBackoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
    EventSerializer serializer;
    Tracing tracing = Tracing.none();
    final Map<String, SagaDefinition<?>> definitions = new LinkedHashMap<>();
    final List<Consumer<ParkedCompensation>> parkingListeners = new ArrayList<>();
    final List<Consumer<SagaSummary>> finishListeners = new ArrayList<>();

    SagaEngineBuilder(EventStore store, SagaIndex index) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
    }

    /** Registers a saga type; its name must be unique. */
    public SagaEngineBuilder register(SagaDefinition<?> definition) {
        if (definitions.putIfAbsent(definition.type(), definition) != null) {
            throw new IllegalArgumentException("saga type " + definition.type() + " is registered twice");
        }
        return this;
    }

    public SagaEngineBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    public SagaEngineBuilder meterRegistry(MeterRegistry value) {
        this.meters = value;
        return this;
    }

    /** How often the timer looks for sagas whose deadline passed. */
    public SagaEngineBuilder pollInterval(Duration value) {
        this.pollInterval = Objects.requireNonNull(value, "pollInterval");
        return this;
    }

    /**
     * How many times in a row an attempt cut short (a crash or shutdown during it) is resumed before its outcome
     * is given up as unknown: the step is then compensated, or, for a compensation, parked. Bounds a step that
     * crashes its process every time. Default 10.
     */
    public SagaEngineBuilder resumptionLimit(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("resumptionLimit must be at least 1, was " + value);
        }
        this.resumptionLimit = value;
        return this;
    }

    /**
     * How many sagas are driven at once; the others wait their turn (oldest request first) without being touched,
     * so a step is resumed after a crash only when its saga's turn comes. Steps of a parallel group run within
     * their saga's drive. Default 256: enough for drives that mostly wait (on a provider, a lock, a pooled
     * connection) to keep the database busy, few enough that a backlog does not starve every drive of connections.
     */
    public SagaEngineBuilder maxConcurrentDrives(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxConcurrentDrives must be at least 1, was " + value);
        }
        this.maxConcurrentDrives = value;
        return this;
    }

    /**
     * How long a compensation waits for its step's action to stop when this engine abandoned it (the attempt
     * timed out and was interrupted, but the call may still land). Past it, the compensation runs anyway and the
     * participant's fence must refuse the late action. Default 30 seconds.
     */
    public SagaEngineBuilder abandonedActionWait(Duration value) {
        Objects.requireNonNull(value, "abandonedActionWait");
        if (value.isNegative()) {
            throw new IllegalArgumentException("abandonedActionWait must not be negative, was " + value);
        }
        this.abandonedActionWait = value;
        return this;
    }

    /**
     * The pauses after transient failures (the database or a participant's infrastructure away), of a drive or
     * of a step's action or compensation: from {@code initial}, doubling with jitter, up to {@code max}, for as
     * long as the failures last. They never count as attempts. Default 100 ms to 10 s.
     */
    public SagaEngineBuilder transientBackoff(Duration initial, Duration max) {
        this.transientBackoff = new Backoff(initial, max);
        return this;
    }

    /**
     * The serializer of the saga streams' events: it must know every {@link SagaEvent}
     * ({@code EventTypeRegistry.builder().registerSealed(SagaEvent.class)}), and is best a
     * {@link RememberingEventSerializer}, since a saga's journal is read again on every drive. Default: Jackson
     * with only the saga events, remembering the last 4,096 decoded.
     */
    public SagaEngineBuilder serializer(EventSerializer value) {
        this.serializer = Objects.requireNonNull(value, "serializer");
        return this;
    }

    /** Called when a compensation is parked, for example to record a dead letter. */
    public SagaEngineBuilder onParked(Consumer<ParkedCompensation> listener) {
        parkingListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Called, on the driving thread, when a saga completes or is compensated (possibly again for a saga that
     * was already finished, when it is driven once more). Must be quick.
     */
    public SagaEngineBuilder onFinished(Consumer<SagaSummary> listener) {
        finishListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Where the spans of the steps' and compensations' attempts go (default {@link Tracing#none()}). Each attempt runs
     * in a span that continues the trace the saga was started in, and what the step writes or sends carries that
     * span's trace context ({@link StepContext#metadata()}).
     */
    public SagaEngineBuilder tracing(Tracing value) {
        this.tracing = Objects.requireNonNull(value, "tracing");
        return this;
    }

    public SagaEngine build() {
        return new SagaEngine(this);
    }
}
