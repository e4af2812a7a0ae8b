package dev.ordo.core.subscription;

import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.store.EventFilter;
import java.time.Duration;
import java.util.Objects;

/**
 * How a subscription reads, and what it does with an event its consumer keeps failing on.
 *
 * @param filter           which events it receives
 * @param batchSize        the largest page handed to the consumer
 * @param pollInterval     how long it waits for a commit signal before reading anyway (the polling fallback)
 * @param maxBackoff       the longest pause between retries of a failing page (backoff doubles from 100 ms)
 * @param poisonPolicy     what to do with a poison event; {@link PoisonPolicy#RETRY_FOREVER} by default
 * @param deadLetters      where poison events are recorded and parked; required unless the poison policy is
 *                         {@link PoisonPolicy#RETRY_FOREVER}, ignored then
 * @param deadLetterPolicy how often a poison event is tried before it is parked; required with {@code deadLetters}
 * @throws IllegalArgumentException when the batch size is not positive or a poison policy lacks its store or policy
 */
public record SubscriptionOptions(EventFilter filter, int batchSize, Duration pollInterval, Duration maxBackoff,
                                  PoisonPolicy poisonPolicy, DeadLetterStore deadLetters,
                                  DeadLetterPolicy deadLetterPolicy) {

    public SubscriptionOptions {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(poisonPolicy, "poisonPolicy");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        if (poisonPolicy != PoisonPolicy.RETRY_FOREVER && (deadLetters == null || deadLetterPolicy == null)) {
            throw new IllegalArgumentException("poison policy " + poisonPolicy
                    + " needs a dead-letter store and a dead-letter policy");
        }
    }

    /** Options that retry a failing page forever, as before dead letters existed. */
    public SubscriptionOptions(EventFilter filter, int batchSize, Duration pollInterval, Duration maxBackoff) {
        this(filter, batchSize, pollInterval, maxBackoff, PoisonPolicy.RETRY_FOREVER, null, null);
    }

    /** Every event, pages of 500, polling every second when no signal comes, backoff up to 30 s, retry forever. */
    public static SubscriptionOptions defaults() {
        return new SubscriptionOptions(EventFilter.all(), 500, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** True when poison events are parked in a dead-letter store. */
    public boolean parksPoisonEvents() {
        return poisonPolicy != PoisonPolicy.RETRY_FOREVER;
    }

    public SubscriptionOptions withFilter(EventFilter filter) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff, poisonPolicy, deadLetters,
                deadLetterPolicy);
    }

    public SubscriptionOptions withBatchSize(int batchSize) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff, poisonPolicy, deadLetters,
                deadLetterPolicy);
    }

    public SubscriptionOptions withPollInterval(Duration pollInterval) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff, poisonPolicy, deadLetters,
                deadLetterPolicy);
    }

    public SubscriptionOptions withMaxBackoff(Duration maxBackoff) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff, poisonPolicy, deadLetters,
                deadLetterPolicy);
    }

    /**
     * Parks poison events in a dead-letter store.
     *
     * @param poisonPolicy {@link PoisonPolicy#PARK_AND_CONTINUE} or {@link PoisonPolicy#STOP_STREAM}
     */
    public SubscriptionOptions withDeadLetters(PoisonPolicy poisonPolicy, DeadLetterStore deadLetters,
                                               DeadLetterPolicy deadLetterPolicy) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff, poisonPolicy, deadLetters,
                deadLetterPolicy);
    }

    /** Retries a failing page forever and parks nothing: the default. */
    public SubscriptionOptions withRetryForever() {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff);
    }
}
