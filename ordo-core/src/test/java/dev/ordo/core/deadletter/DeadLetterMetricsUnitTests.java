package dev.ordo.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeadLetterMetricsUnitTests {

    private static final DeadLetterPolicy TWO_ATTEMPTS = DeadLetterPolicy.builder().maxAttempts(2)
            .initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(1)).jitter(0).build();

    private final InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static FailedMessage message() {
        return new FailedMessage(UUID.randomUUID().toString(), "order.placed.v1", "{}", 1L, Map.of());
    }

    private DeadLetter fail(Origin origin, FailedMessage message) {
        return store.recordFailure(origin, "order-1", message, Failure.of(new IllegalStateException("boom")),
                TWO_ATTEMPTS);
    }

    private DeadLetter parked(Origin origin) {
        FailedMessage message = message();
        fail(origin, message);
        return fail(origin, message);
    }

    private double gauge(String status) {
        return meters.get(DeadLetterMetrics.GAUGE).tag("status", status).gauge().value();
    }

    @Test
    void exportsBothStatusesAsZeroBeforeTheFirstLetter() {
        DeadLetterMetrics.of(store).bindTo(meters);

        assertThat(gauge("retrying")).isZero();
        assertThat(gauge("parked")).isZero();
    }

    @Test
    void countsTheOpenLettersOfEveryOriginByStatus() {
        new DeadLetterMetrics(store, Clock.systemUTC(), Duration.ZERO).bindTo(meters);
        parked(Origin.subscription("orders"));
        parked(Origin.sagaStep("order-fulfilment"));
        fail(Origin.consumer("mailer"), message());
        DeadLetter resolved = parked(Origin.subscription("orders"));
        store.resolve(resolved.id(), "operator", "fixed");

        assertThat(gauge("parked")).isEqualTo(2);
        assertThat(gauge("retrying")).isEqualTo(1);
    }

    @Test
    void readsTheStoreAgainOnlyOnceTheRefreshHasPassed() {
        MovableClock clock = new MovableClock();
        new DeadLetterMetrics(store, clock, Duration.ofSeconds(5)).bindTo(meters);
        assertThat(gauge("parked")).isZero();

        parked(Origin.subscription("orders"));
        clock.advance(Duration.ofSeconds(4));
        assertThat(gauge("parked")).as("still the count read 4 s ago").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(gauge("parked")).isEqualTo(1);
    }

    @Test
    void showsNotANumberWhileTheStoreCannotBeReadAndTheCountsOnceItCanAgain() {
        AtomicBoolean down = new AtomicBoolean(true);
        new DeadLetterMetrics(failing(store, down), Clock.systemUTC(), Duration.ZERO).bindTo(meters);
        parked(Origin.subscription("orders"));

        assertThat(gauge("parked")).isNaN();
        assertThat(gauge("retrying")).isNaN();
        down.set(false);
        assertThat(gauge("parked")).isEqualTo(1);
    }

    @Test
    void refusesANegativeRefresh() {
        assertThatThrownBy(() -> new DeadLetterMetrics(store, Clock.systemUTC(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refresh");
    }

    /** The store, whose counts throw while {@code down} is set. */
    private static DeadLetterStore failing(DeadLetterStore store, AtomicBoolean down) {
        return (DeadLetterStore) Proxy.newProxyInstance(DeadLetterStore.class.getClassLoader(),
                new Class<?>[] {DeadLetterStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("countByOrigin") && down.get()) {
                        throw new IllegalStateException("database unreachable");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
