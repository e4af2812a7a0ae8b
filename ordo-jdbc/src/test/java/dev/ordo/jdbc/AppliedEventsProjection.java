package dev.ordo.jdbc;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test read model with one row per application of a cart event, numbered in the order they were applied, so that
 * an event applied twice or out of order shows. Events in {@code poison} fail. Every application waits at the gate
 * (after its transaction began), so a test can act while a page is half applied.
 */
final class AppliedEventsProjection implements JdbcProjection {

    private final Set<UUID> poison;
    private final CountDownLatch gate;
    /** Counted down when an application reaches the gate. */
    final CountDownLatch atTheGate = new CountDownLatch(1);

    AppliedEventsProjection(Set<UUID> poison) {
        this(poison, new CountDownLatch(0));
    }

    AppliedEventsProjection(Set<UUID> poison, CountDownLatch gate) {
        this.poison = poison;
        this.gate = gate;
    }

    @Override
    public String name() {
        return "applied-events";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of("applied_events");
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("cart");
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + context.table("applied_events")
                    + " (applied_order INTEGER NOT NULL, position BIGINT NOT NULL, stream_id TEXT NOT NULL)");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent event) throws SQLException {
        atTheGate.countDown();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new SQLException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        }
        if (poison.contains(event.eventId())) {
            throw new SQLException("cannot apply event " + event.eventId());
        }
        String table = context.table("applied_events");
        try (PreparedStatement insert = context.connection().prepareStatement("INSERT INTO " + table
                + " (applied_order, position, stream_id) SELECT COALESCE(MAX(applied_order), 0) + 1, ?, ? FROM "
                + table)) {
            insert.setLong(1, event.position());
            insert.setString(2, event.streamId().value());
            insert.executeUpdate();
        }
    }
}
