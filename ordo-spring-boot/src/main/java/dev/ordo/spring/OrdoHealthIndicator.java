package dev.ordo.spring;

import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.subscription.SubscriptionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code ordo} health component: the store, each subscription's progress and the parked dead letters. Its status
 * is one of three:
 * <ul>
 * <li>{@code DOWN} when the store's head and dead letters cannot be read within {@link #ANSWER_WITHIN}: nothing can be
 * appended or read;</li>
 * <li>{@link #DEGRADED} when the application still serves but part of it is behind or waits for an operator: a
 * subscription keeps failing, a subscription lags past {@link OrdoProperties.Health#subscriptions()}, or more dead
 * letters are parked than {@link OrdoProperties.Health#maxParkedDeadLetters()}; the detail {@code degradedBy} names
 * each reason;</li>
 * <li>{@code UP} otherwise.</li>
 * </ul>
 * The details also hold the store's dialect and head, each subscription's state, checkpoint, lag and failures, and the
 * parked dead letters, in total and by origin. Thread-safe; every call reads afresh.
 */
public final class OrdoHealthIndicator implements HealthIndicator {

    /** Serving, with part of the application behind or waiting for an operator. */
    public static final Status DEGRADED = new Status("DEGRADED", "serving, but something lags or waits for an operator");

    /** How long the health check waits for the database. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    private final String storeName;
    private final LongSupplier head;
    private final Supplier<? extends Collection<SubscriptionStatus>> subscriptions;
    private final DeadLetterStore deadLetters;
    private final OrdoProperties.Health limits;

    /**
     * @param storeName     the store's dialect, shown as the detail {@code store}
     * @param head          reads the head position of the log from the database
     * @param subscriptions each subscription's status, as it last saw itself (no database access)
     * @param deadLetters   where the parked dead letters are counted
     * @param limits        when the status turns {@link #DEGRADED}
     */
    OrdoHealthIndicator(String storeName, LongSupplier head,
                        Supplier<? extends Collection<SubscriptionStatus>> subscriptions, DeadLetterStore deadLetters,
                        OrdoProperties.Health limits) {
        this.storeName = storeName;
        this.head = head;
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
        this.limits = limits;
    }

    /** What the health reads from the database. */
    private record Stored(long head, Map<Origin, Long> parked) {
    }

    /**
     * The head position and the parked letters, or a failure when the database does not answer within
     * {@link #ANSWER_WITHIN}: a database that is away must make the health DOWN at once, not after the pool's
     * connection timeout.
     */
    private Stored read() {
        CompletableFuture<Stored> stored = new CompletableFuture<>();
        Thread.ofVirtual().name("ordo-health").start(() -> {
            try {
                stored.complete(new Stored(head.getAsLong(), deadLetters.countByOrigin(DeadLetterStatus.PARKED)));
            } catch (Throwable e) {
                stored.completeExceptionally(e);
            }
        });
        try {
            return stored.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EventStoreUnavailableException("the database gave no answer within " + ANSWER_WITHIN);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new EventStoreUnavailableException("the head could not be read", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreUnavailableException("interrupted while reading the head", e);
        }
    }

    @Override
    public Health health() {
        Stored stored;
        try {
            stored = read();
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("store", storeName).build();
        }
        List<String> degradedBy = new ArrayList<>();
        Map<String, Object> subscriptionDetails = subscriptions(degradedBy);
        Map<String, Object> deadLetterDetails = deadLetters(stored.parked(), degradedBy);
        Health.Builder builder = degradedBy.isEmpty() ? Health.up()
                : Health.status(DEGRADED).withDetail("degradedBy", degradedBy);
        return builder.withDetail("store", storeName).withDetail("head", stored.head())
                .withDetail("subscriptions", subscriptionDetails).withDetail("deadLetters", deadLetterDetails).build();
    }

    private Map<String, Object> subscriptions(List<String> degradedBy) {
        Map<String, Object> details = new TreeMap<>();
        for (SubscriptionStatus status : subscriptions.get()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", status.state());
            detail.put("checkpoint", status.checkpoint());
            detail.put("lagEvents", status.lagEvents());
            detail.put("lagSeconds", status.lagSeconds());
            detail.put("failures", status.failures());
            if (status.lastError() != null) {
                detail.put("lastError", status.lastError());
            }
            if (status.state() == SubscriptionStatus.State.RETRYING) {
                degradedBy.add("subscription " + status.name() + " keeps failing");
            }
            limits.subscriptions().excess(status.lagEvents(), status.lagSeconds())
                    .ifPresent(excess -> degradedBy.add("subscription " + status.name() + " " + excess));
            details.put(status.name(), detail);
        }
        return details;
    }

    private Map<String, Object> deadLetters(Map<Origin, Long> parked, List<String> degradedBy) {
        Map<String, Long> byOrigin = new TreeMap<>();
        parked.forEach((origin, count) -> byOrigin.put(origin.toString(), count));
        long total = byOrigin.values().stream().mapToLong(Long::longValue).sum();
        if (total > limits.maxParkedDeadLetters()) {
            degradedBy.add(total + " dead letter" + (total == 1 ? "" : "s") + " parked, more than the "
                    + limits.maxParkedDeadLetters() + " tolerated: waiting for an operator");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parked", total);
        details.put("parkedByOrigin", byOrigin);
        return details;
    }
}
