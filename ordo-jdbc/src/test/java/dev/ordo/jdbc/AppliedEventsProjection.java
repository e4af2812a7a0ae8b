package dev.ordo.jdbc;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A test read model with one row per application of a cart event, numbered in the order they were applied, so that
 * an event applied twice or out of order shows. Events in {@code poison} fail.
 */
final class AppliedEventsProjection implements JdbcProjection {

    private final Set<UUID> poison;

    AppliedEventsProjection(Set<UUID> poison) {
        this.poison = poison;
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
