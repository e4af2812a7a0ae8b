package dev.ordo.spring;

import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.subscription.SubscriptionStatus;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The store's health (DOWN when its head cannot be read within a second) with each subscription's state, checkpoint and lag. A
 * subscription that keeps failing makes the status {@code DEGRADED}: the application still serves, but a read model
 * or process manager is stuck.
 */
public final class OrdoHealthIndicator implements HealthIndicator {

    /** How long the health check waits for the database. */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    private final JdbcEventStore store;
    private final OrdoDatabase database;
    private final Subscriptions subscriptions;

    OrdoHealthIndicator(JdbcEventStore store, OrdoDatabase database, Subscriptions subscriptions) {
        this.store = store;
        this.database = database;
        this.subscriptions = subscriptions;
    }

    /**
     * The head position, or a failure when the database does not answer within {@link #ANSWER_WITHIN}: a database
     * that is away must make the health DOWN at once, not after the pool's connection timeout.
     */
    private long readHead() {
        CompletableFuture<Long> head = new CompletableFuture<>();
        Thread.ofVirtual().name("ordo-health").start(() -> {
            try {
                head.complete(store.headPosition());
            } catch (Throwable e) {
                head.completeExceptionally(e);
            }
        });
        try {
            return head.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
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
        long head;
        try {
            head = readHead();
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("store", database.dialectName()).build();
        }
        Map<String, Object> details = new TreeMap<>();
        boolean degraded = false;
        for (SubscriptionStatus status : subscriptions.statuses()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", status.state());
            detail.put("checkpoint", status.checkpoint());
            detail.put("lagEvents", status.lagEvents());
            detail.put("lagSeconds", status.lagSeconds());
            detail.put("failures", status.failures());
            if (status.lastError() != null) {
                detail.put("lastError", status.lastError());
            }
            degraded |= status.state() == SubscriptionStatus.State.RETRYING;
            details.put(status.name(), detail);
        }
        Health.Builder builder = degraded ? Health.status("DEGRADED") : Health.up();
        return builder.withDetail("store", database.dialectName()).withDetail("head", head)
                .withDetail("subscriptions", details).build();
    }
}
