package dev.ordo.jdbc;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import java.sql.SQLException;
import java.util.List;

/**
 * A read model kept in SQL tables of the store's database, updated from the global log. Each page of events is
 * applied in one transaction together with the projection's checkpoint, so every event takes effect exactly once,
 * even across crashes.
 *
 * <p>Tables are addressed through {@link ProjectionContext#table(String)}: while the projection is rebuilt, the same
 * code writes to shadow tables that are swapped in when they have caught up. Bump {@link #version()} whenever the
 * tables or the way events are applied change; the next start rebuilds the read model from the first event while
 * the old one keeps serving queries.
 */
public interface JdbcProjection {

    /** The projection's unique name; also its checkpoint's name. */
    String name();

    /** The version of the read model's shape and logic, starting at 1. */
    int version();

    /** The logical names of the tables this projection owns and queries read. */
    List<String> tables();

    /** Which events the projection needs; others are not read. */
    default EventFilter filter() {
        return EventFilter.all();
    }

    /**
     * Creates the tables (and their indexes) under the context's physical names. Index names must be derived from
     * {@link ProjectionContext#table(String)} so that shadow tables get their own.
     */
    void createTables(ProjectionContext context) throws SQLException;

    /** Applies one event inside the page's transaction. Must not commit or roll back. */
    void apply(ProjectionContext context, RecordedEvent event) throws SQLException;
}
