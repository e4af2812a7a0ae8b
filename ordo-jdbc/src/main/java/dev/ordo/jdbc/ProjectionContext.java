package dev.ordo.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * The transaction a projection writes in, and the physical name of each of its tables (the logical name for the
 * live read model, a suffixed name while rebuilding). Valid only during the call it is passed to.
 *
 * @param connection the connection of the page's transaction
 * @param database   the database the connection belongs to
 */
public record ProjectionContext(Connection connection, OrdoDatabase database, Map<String, String> physicalNames) {

    public ProjectionContext {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(database, "database");
        physicalNames = Map.copyOf(physicalNames);
    }

    /** {@code sqlite} or {@code postgresql}, for the few statements that differ. */
    public String dialect() {
        return database.dialectName();
    }

    /**
     * Runs work with a prepared statement for the SQL on this context's connection; on SQLite the statement is kept
     * for the next page. The work must not close it and must close its result sets (see
     * {@link OrdoDatabase#withStatement}).
     */
    public <T> T withStatement(String sql, StatementWork<T> work) throws SQLException {
        return database.withStatement(connection, sql, work);
    }

    /**
     * Runs an insert, update or delete with the values bound in order ({@code setObject}), through
     * {@link #withStatement}.
     *
     * @return the number of rows changed
     */
    public int update(String sql, Object... values) throws SQLException {
        return withStatement(sql, statement -> {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        });
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
        return "postgresql".equals(dialect());
    }
}
