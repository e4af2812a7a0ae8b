package dev.ordo.jdbc;

import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.Snapshot;
import dev.ordo.core.snapshot.SnapshotStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@link SnapshotStore} in the {@code ordo_snapshots} table of an {@link OrdoDatabase}. Thread-safe. */
public final class JdbcSnapshotStore implements SnapshotStore {

    private final OrdoDatabase database;
    private final Dialect dialect;

    private JdbcSnapshotStore(OrdoDatabase database) {
        this.database = database;
        this.dialect = database.dialect();
    }

    public static JdbcSnapshotStore create(OrdoDatabase database) {
        return new JdbcSnapshotStore(database);
    }

    @Override
    public Optional<Snapshot> load(StreamId stream) {
        try (Connection connection = database.readDataSource().getConnection()) {
            return dialect.withStatement(connection, dialect.sql.get("load_snapshot"), statement -> {
                statement.setString(1, stream.value());
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Snapshot>empty();
                    }
                    return Optional.of(new Snapshot(stream, rs.getLong(1), rs.getInt(2), rs.getString(3),
                            dialect.readInstant(rs, 4)));
                }
            });
        } catch (SQLException e) {
            throw SqlErrors.io("load the snapshot of " + stream, e);
        }
    }

    @Override
    public void save(Snapshot snapshot) {
        try (Connection connection = database.writeDataSource().getConnection()) {
            dialect.withStatement(connection, dialect.sql.get("save_snapshot"), statement -> {
                statement.setString(1, snapshot.streamId().value());
                statement.setLong(2, snapshot.version());
                statement.setInt(3, snapshot.schemaVersion());
                statement.setString(4, snapshot.state());
                dialect.bindInstant(statement, 5, Dialect.truncateToMicros(snapshot.takenAt()));
                return statement.executeUpdate();
            });
        } catch (SQLException e) {
            throw SqlErrors.io("save the snapshot of " + snapshot.streamId(), e);
        }
    }

    @Override
    public void delete(StreamId stream) {
        try (Connection connection = database.writeDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(dialect.sql.get("delete_snapshot"))) {
            statement.setString(1, stream.value());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw SqlErrors.io("delete the snapshot of " + stream, e);
        }
    }
}
