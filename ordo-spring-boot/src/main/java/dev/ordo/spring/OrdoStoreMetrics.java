package dev.ordo.spring;

import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Store metrics: {@code ordo.events.appended} (events this process committed) and {@code ordo.store.head} (the
 * last committed position this process has seen), tagged with the database kind.
 */
public final class OrdoStoreMetrics implements MeterBinder {

    private final AtomicLong head = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();
    private final String dialect;

    OrdoStoreMetrics(JdbcEventStore store, OrdoDatabase database) {
        this.dialect = database.dialectName();
        head.set(store.headPosition());
        store.onCommit(position -> {
            long previous = head.getAndAccumulate(position, Math::max);
            if (position > previous) {
                appended.addAndGet(position - previous);
            }
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("ordo.events.appended", appended, AtomicLong::get)
                .tag("store", dialect).description("events committed by this process").register(registry);
        Gauge.builder("ordo.store.head", head, AtomicLong::get)
                .tag("store", dialect).description("last committed global position seen by this process")
                .register(registry);
    }
}
