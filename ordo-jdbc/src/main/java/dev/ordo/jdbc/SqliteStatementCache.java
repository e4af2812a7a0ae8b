package dev.ordo.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Prepared statements kept open per physical SQLite connection, so the store's frequent statements are compiled
 * once per connection instead of once per use. The SQLite driver has no statement cache of its own, and preparing
 * (parsing the SQL, reading the column names across JNI) costs more than running a point query.
 *
 * <p>Contract: {@link #run} hands the work a statement prepared on the physical connection behind the given (pooled)
 * connection; the work must not close it and must close every result set it opens (as try-with-resources does), so
 * the statement holds no read lock afterwards. Parameters and batches are cleared after the work; a statement whose
 * work failed is closed and prepared afresh next time. A statement is used by one thread at a time because a pooled connection is. The statements
 * close with their connection (the driver finalizes them); connections found closed are forgotten on the next
 * preparation. Thread-safe.
 */
final class SqliteStatementCache {

    /** Keyed by the physical connection; the driver's connections keep {@code Object}'s identity equality. */
    private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    <T> T run(Connection connection, String sql, StatementWork<T> work) throws SQLException {
        if (!connection.isWrapperFor(SQLiteConnection.class)) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return work.apply(statement);
            }
        }
        SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
        PreparedStatement statement = statement(physical, sql);
        try {
            T result = work.apply(statement);
            statement.clearBatch();
            statement.clearParameters();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            forget(physical, sql, statement);
            throw e;
        }
    }

    private PreparedStatement statement(SQLiteConnection physical, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = statementsOf(physical);
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** A statement that failed is closed and prepared afresh next time, so no half-run state is ever reused. */
    private void forget(SQLiteConnection physical, String sql, PreparedStatement statement) {
        statementsOf(physical).remove(sql, statement);
        try {
            statement.close();
        } catch (SQLException ignored) {
            // already unusable; it is no longer cached either way
        }
    }

    private Map<String, PreparedStatement> statementsOf(SQLiteConnection physical) {
        Map<String, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            byConnection.keySet().removeIf(SqliteStatementCache::isClosed);
            statements = byConnection.computeIfAbsent(physical, connection -> new HashMap<>());
        }
        return statements;
    }

    private static boolean isClosed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
