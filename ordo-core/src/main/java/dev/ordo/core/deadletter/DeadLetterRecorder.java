package dev.ordo.core.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records failed attempts in a {@link DeadLetterStore} under one {@link DeadLetterPolicy}, and raises the alarm when a
 * letter is parked: an ERROR log line naming the origin, key, message id, attempts and error, and the counter
 * {@code ordo.deadletters.parked} tagged with the origin ({@code kind:name}). Each attempt that will be retried is
 * logged at WARN. Thread-safe.
 */
public final class DeadLetterRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final DeadLetterStore store;
    private final DeadLetterPolicy policy;
    private final MeterRegistry registry;

    /**
     * @param registry where to count parked letters, or {@code null}
     */
    public DeadLetterRecorder(DeadLetterStore store, DeadLetterPolicy policy, MeterRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.registry = registry;
    }

    public DeadLetterStore store() {
        return store;
    }

    public DeadLetterPolicy policy() {
        return policy;
    }

    /**
     * Records a failed attempt (see {@link DeadLetterStore#recordFailure}) and alerts when the letter ends up parked.
     * Callers never record a {@linkplain dev.ordo.core.store.TransientFailures transient} failure: it is the
     * infrastructure's, not the message's, and is retried without counting.
     *
     * @return the letter after the change
     * @throws RuntimeException whatever the store throws; then nothing was recorded and nobody was alerted
     */
    public DeadLetter recordFailure(Origin origin, String key, FailedMessage message, Throwable error) {
        DeadLetter letter = store.recordFailure(origin, key, message, Failure.of(error), policy);
        if (letter.status() == DeadLetterStatus.PARKED) {
            log.error("dead letter parked: origin={} key={} message={} type={} attempts={} letter={}: {}", origin, key,
                    message.id(), message.type(), letter.attempts(), letter.id(), letter.failure().summary(), error);
            if (registry != null) {
                Counter.builder("ordo.deadletters.parked").tag("origin", origin.toString())
                        .description("dead letters parked after their last failed attempt").register(registry)
                        .increment();
            }
        } else {
            log.warn("attempt {} of {} failed: origin={} key={} message={} type={}; next attempt at {}: {}",
                    letter.attempts(), policy.maxAttempts(), origin, key, message.id(), message.type(),
                    letter.nextAttemptAt(), letter.failure().summary());
        }
        return letter;
    }
}
