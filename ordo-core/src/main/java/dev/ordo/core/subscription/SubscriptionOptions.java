package dev.ordo.core.subscription;

import dev.ordo.core.store.EventFilter;
import java.time.Duration;
import java.util.Objects;

/**
 * How a subscription reads.
 *
 * @param filter       which events it receives
 * @param batchSize    the largest page handed to the consumer
 * @param pollInterval how long it waits for a commit signal before reading anyway (the polling fallback)
 * @param maxBackoff   the longest pause between retries of a failing page (backoff doubles from 100 ms)
 */
public record SubscriptionOptions(EventFilter filter, int batchSize, Duration pollInterval, Duration maxBackoff) {

    public SubscriptionOptions {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
    }

    /** Every event, pages of 500, polling every second when no signal comes, backoff up to 30 s. */
    public static SubscriptionOptions defaults() {
        return new SubscriptionOptions(EventFilter.all(), 500, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public SubscriptionOptions withFilter(EventFilter filter) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff);
    }

    public SubscriptionOptions withBatchSize(int batchSize) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff);
    }

    public SubscriptionOptions withPollInterval(Duration pollInterval) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff);
    }

    public SubscriptionOptions withMaxBackoff(Duration maxBackoff) {
        return new SubscriptionOptions(filter, batchSize, pollInterval, maxBackoff);
    }
}
