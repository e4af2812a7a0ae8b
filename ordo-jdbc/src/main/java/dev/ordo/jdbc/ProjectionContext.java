package dev.ordo.jdbc;

import java.sql.Connection;
import java.util.Map;
import java.util.Objects;

/**
 * The transaction a projection writes in, and the physical name of each of its tables (the logical name for the
 * live read model, a suffixed name while rebuilding). Valid only during the call it is passed to.
 *
 * @param connection the connection of the page's transaction
 * @param dialect    {@code sqlite} or {@code postgresql}, for the few statements that differ
 */
public record ProjectionContext(Connection connection, String dialect, Map<String, String> physicalNames) {

    public ProjectionContext {
        Objects.requireNonNull(connection, "connection");
        physicalNames = Map.copyOf(physicalNames);
    }

    /**
     * The physical name of one of the projection's tables.
     *
     * @throws IllegalArgumentException when the projection did not declare that table
     */
    public String table(String logicalName) {
        String physical = physicalNames.get(logicalName);
        if (physical == null) {
            throw new IllegalArgumentException("table '" + logicalName + "' is not declared by this projection; declared: "
                    + physicalNames.keySet());
        }
        return physical;
    }

    /** True on PostgreSQL. */
    public boolean isPostgres() {
        return "postgresql".equals(dialect);
    }
}
