package dev.ordo.spring;

import dev.ordo.core.subscription.SubscriptionStatus;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The store's health (DOWN when its head cannot be read) with each subscription's state, checkpoint and lag. A
 * subscription that keeps failing makes the status {@code DEGRADED}: the application still serves, but a read model
 * or process manager is stuck.
 */
public final class OrdoHealthIndicator implements HealthIndicator {

    private final JdbcEventStore store;
    private final OrdoDatabase database;
    private final Subscriptions subscriptions;

    OrdoHealthIndicator(JdbcEventStore store, OrdoDatabase database, Subscriptions subscriptions) {
        this.store = store;
        this.database = database;
        this.subscriptions = subscriptions;
    }

    @Override
    public Health health() {
        long head;
        try {
            head = store.headPosition();
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
