package dev.ordo.jdbc;

import dev.ordo.core.subscription.CheckpointStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The {@link CheckpointStore} in the {@code ordo_checkpoints} table. {@link #save} never moves a checkpoint
 * backwards. Thread-safe.
 */
public final class JdbcCheckpointStore implements CheckpointStore {

    private final OrdoDatabase database;
    private final Dialect dialect;
    private final Clock clock;

    private JdbcCheckpointStore(OrdoDatabase database, Clock clock) {
        this.database = database;
        this.dialect = database.dialect();
        this.clock = clock;
    }

    public static JdbcCheckpointStore create(OrdoDatabase database) {
        return new JdbcCheckpointStore(database, Clock.systemUTC());
    }

    @Override
    public long load(String subscription) {
        try (Connection connection = database.readDataSource().getConnection()) {
            return load(connection, subscription);
        } catch (SQLException e) {
            throw SqlErrors.io("load the checkpoint of " + subscription, e);
        }
    }

    @Override
    public void save(String subscription, long position) {
        write("save_checkpoint", subscription, position);
    }

    @Override
    public void reset(String subscription, long position) {
        write("reset_checkpoint", subscription, position);
    }

    private void write(String statement, String subscription, long position) {
        try (Connection connection = database.writeDataSource().getConnection()) {
            write(connection, statement, subscription, position);
        } catch (SQLException e) {
            throw SqlErrors.io("save the checkpoint of " + subscription, e);
        }
    }

    long load(Connection connection, String subscription) throws SQLException {
        return dialect.withStatement(connection, dialect.sql.get("load_checkpoint"), select -> {
            select.setString(1, subscription);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Writes a checkpoint inside the caller's transaction. */
    void write(Connection connection, String statement, String subscription, long position) throws SQLException {
        dialect.withStatement(connection, dialect.sql.get(statement), upsert -> {
            upsert.setString(1, subscription);
            upsert.setLong(2, position);
            dialect.bindInstant(upsert, 3, Dialect.truncateToMicros(clock.instant()));
            return upsert.executeUpdate();
        });
    }

    void delete(Connection connection, String subscription) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(dialect.sql.get("delete_checkpoint"))) {
            delete.setString(1, subscription);
            delete.executeUpdate();
        }
    }
}
