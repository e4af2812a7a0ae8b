package dev.ordo.jdbc;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.test.faults.SimulatedCrash;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A projection whose process dies when it applies a chosen event: it applies the events before it (the page's earlier
 * rows are written inside the page's transaction), then throws {@link SimulatedCrash}, and keeps throwing it from then
 * on, as a dead process does nothing more; the test then starts a fresh {@link JdbcProjections} on the same database.
 */
final class CrashingProjection implements JdbcProjection {

    private final JdbcProjection delegate;
    private final Predicate<RecordedEvent> crashAt;
    private final AtomicInteger crashes = new AtomicInteger();

    CrashingProjection(JdbcProjection delegate, Predicate<RecordedEvent> crashAt) {
        this.delegate = delegate;
        this.crashAt = crashAt;
    }

    /** How often it "died". */
    int crashes() {
        return crashes.get();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int version() {
        return delegate.version();
    }

    @Override
    public List<String> tables() {
        return delegate.tables();
    }

    @Override
    public EventFilter filter() {
        return delegate.filter();
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        delegate.createTables(context);
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent event) throws SQLException {
        if (crashes.get() > 0 || crashAt.test(event)) {
            crashes.incrementAndGet();
            throw new SimulatedCrash("while applying event " + event.position() + " of a page");
        }
        delegate.apply(context, event);
    }
}
