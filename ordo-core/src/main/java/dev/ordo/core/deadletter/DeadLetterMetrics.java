package dev.ordo.core.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The gauge {@value #GAUGE}: how many letters of a {@link DeadLetterStore} are open, every origin together, tagged
 * {@code status} {@code retrying} or {@code parked}. Both are registered when bound, so they are exported (as 0)
 * before the first letter. They are read from the store with {@link DeadLetterStore#countByOrigin} at most once per
 * {@code refresh} however often they are scraped; while the store cannot be read they show {@code NaN}. Which
 * origins the letters come from is the store's to tell ({@link DeadLetterStore#list}). Thread-safe.
 */
public final class DeadLetterMetrics implements MeterBinder {

    /** The name of the gauge. */
    public static final String GAUGE = "ordo.deadletters.open";

    private static final Counts UNREAD = new Counts(Double.NaN, Double.NaN, Long.MIN_VALUE);

    private final DeadLetterStore store;
    private final Clock clock;
    private final long refreshMillis;
    private volatile Counts counts = UNREAD;

    private record Counts(double retrying, double parked, long readAt) {
    }

    /**
     * @param refresh the longest a count is shown before it is read again; not negative
     * @throws IllegalArgumentException when the refresh is negative
     */
    public DeadLetterMetrics(DeadLetterStore store, Clock clock, Duration refresh) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refresh.isNegative()) {
            throw new IllegalArgumentException("refresh must not be negative, was " + refresh);
        }
        this.refreshMillis = refresh.toMillis();
    }

    /** Counts read at most once every five seconds on the system clock. */
    public static DeadLetterMetrics of(DeadLetterStore store) {
        return new DeadLetterMetrics(store, Clock.systemUTC(), Duration.ofSeconds(5));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // held strongly: a registry keeps gauges' objects weakly, and this binder may have no other owner
        Gauge.builder(GAUGE, this, m -> m.counts().retrying()).tag("status", "retrying").strongReference(true)
                .description("dead letters waiting for their next attempt").register(registry);
        Gauge.builder(GAUGE, this, m -> m.counts().parked()).tag("status", "parked").strongReference(true)
                .description("dead letters whose retries stopped: they wait for an operator").register(registry);
    }

    private Counts counts() {
        Counts current = counts;
        long now = clock.millis();
        if (current != UNREAD && now - current.readAt() < refreshMillis) {
            return current;
        }
        try {
            current = new Counts(total(DeadLetterStatus.RETRYING), total(DeadLetterStatus.PARKED), now);
        } catch (RuntimeException unreadable) {
            current = new Counts(Double.NaN, Double.NaN, now);
        }
        counts = current;
        return current;
    }

    private long total(DeadLetterStatus status) {
        return store.countByOrigin(status).values().stream().mapToLong(Long::longValue).sum();
    }
}
