package dev.ordo.test.contract;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Failure;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.test.fixture.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One test's dead-letter store, on a clock standing at {@link #T0}, with a fresh origin so that tests sharing a
 * database do not see each other's letters.
 */
final class DeadLetterFixture {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    /** 3 attempts, 1 s, 2 s, at most 3 s, no jitter. */
    static final DeadLetterPolicy POLICY = DeadLetterPolicy.builder().maxAttempts(3)
            .initialDelay(Duration.ofSeconds(1)).multiplier(2).maxDelay(Duration.ofSeconds(3)).jitter(0).build();
    static final String KEY = "order-1";

    final MovableClock clock = new MovableClock(T0);
    final DeadLetterStore store;
    final Origin origin = Origin.subscription("contract-" + UUID.randomUUID());

    DeadLetterFixture(Function<Clock, DeadLetterStore> stores) {
        this.store = stores.apply(clock);
    }

    static FailedMessage message() {
        return new FailedMessage(UUID.randomUUID().toString(), "order.placed.v1", "{\"total\":1250}", 42L,
                Map.of("correlation-id", "c-1", "stream-version", "3"));
    }

    static Failure failure(String text) {
        return new Failure("java.lang.IllegalStateException", text,
                "java.lang.IllegalStateException: " + text + "\n\tat dev.ordo.Example.handle(Example.java:7)\n");
    }

    DeadLetter fail(FailedMessage message) {
        return store.recordFailure(origin, KEY, message, failure("boom"), POLICY);
    }

    DeadLetter fail(Origin other, FailedMessage message) {
        return store.recordFailure(other, KEY, message, failure("boom"), POLICY);
    }

    /** Fails a new message until it is parked. */
    DeadLetter parked() {
        FailedMessage message = message();
        DeadLetter letter = fail(message);
        for (int attempt = 2; attempt <= POLICY.maxAttempts(); attempt++) {
            letter = fail(message);
        }
        return letter;
    }

    void tick(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    Instant now() {
        return clock.instant();
    }
}
