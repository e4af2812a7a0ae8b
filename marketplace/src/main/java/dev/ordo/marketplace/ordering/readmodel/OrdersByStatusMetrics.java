package dev.ordo.marketplace.ordering.readmodel;

import dev.ordo.marketplace.ordering.OrderStatus;
import dev.ordo.marketplace.ordering.readmodel.OrderQueries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code marketplace.orders} gauges, one per status, read from the orders read model at most once every five
 * seconds however often they are scraped.
 */
@Component
class OrdersByStatusMetrics implements MeterBinder {

    private static final long CACHE_MILLIS = 5_000;

    private final OrderQueries queries;
    private final Clock clock;
    private volatile Map<String, Long> counts = Map.of();
    private volatile long readAt;

    OrdersByStatusMetrics(OrderQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder("marketplace.orders", this, m -> m.count(status.name()))
                    .tag("status", status.name()).description("orders in the read model by status").register(registry);
        }
    }

    private double count(String status) {
        long now = clock.millis();
        if (now - readAt > CACHE_MILLIS) {
            try {
                counts = queries.countByStatus();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
            readAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
