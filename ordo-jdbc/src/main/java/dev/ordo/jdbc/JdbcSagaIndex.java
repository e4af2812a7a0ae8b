package dev.ordo.jdbc;

import dev.ordo.core.saga.SagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.saga.SagaSummary;
import dev.ordo.jdbc.OrdoDatabase.Writes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@link SagaIndex} in the {@code ordo_sagas} table of an {@link OrdoDatabase} (SQLite or PostgreSQL), migrated
 * on creation (history table {@code ordo_saga_schema_history}). Thread-safe.
 */
public final class JdbcSagaIndex implements SagaIndex {

    private static final String COLUMNS = "saga_id, saga_type, status, wake_at, failure, updated_at";
    private static final String UPSERT = "INSERT INTO ordo_sagas (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (saga_id) DO UPDATE SET saga_type = excluded.saga_type, status = excluded.status, "
            + "wake_at = excluded.wake_at, failure = excluded.failure, updated_at = excluded.updated_at";
    private static final String UNFINISHED = "status IN ('RUNNING', 'COMPENSATING')";

    private final OrdoDatabase database;
    private final DataSource reader;

    private JdbcSagaIndex(OrdoDatabase database) {
        this.database = database;
        this.reader = database.readDataSource();
    }

    /** Migrates the table if needed and returns the index. */
    public static JdbcSagaIndex create(OrdoDatabase database) {
        database.migrate("dev/ordo/jdbc/migration/saga", false, "ordo_saga_schema_history");
        return new JdbcSagaIndex(database);
    }

    /** Written as derived data (see {@link OrdoDatabase#inTransaction}): the saga streams are the truth. */
    @Override
    public void save(SagaSummary s) {
        database.inTransaction(Writes.DERIVED, connection -> database.withStatement(connection, UPSERT, upsert -> {
            upsert.setString(1, s.sagaId().toString());
            upsert.setString(2, s.type());
            upsert.setString(3, s.status().name());
            if (s.wakeAt() == null) {
                upsert.setNull(4, Types.BIGINT);
            } else {
                upsert.setLong(4, s.wakeAt().toEpochMilli());
            }
            if (s.failure() == null) {
                upsert.setNull(5, Types.VARCHAR);
            } else {
                upsert.setString(5, s.failure());
            }
            upsert.setLong(6, s.updatedAt().toEpochMilli());
            return upsert.executeUpdate();
        }));
    }

    @Override
    public Optional<SagaSummary> get(UUID sagaId) {
        return query("SELECT " + COLUMNS + " FROM ordo_sagas WHERE saga_id = ?", sagaId.toString()).stream().findFirst();
    }

    @Override
    public List<SagaSummary> list(SagaStatus status, String type, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ordo_sagas WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (type != null) {
            sql.append(" AND saga_type = ?");
            params.add(type);
        }
        sql.append(" ORDER BY updated_at DESC, saga_id LIMIT ?");
        params.add(limit);
        return query(sql.toString(), params.toArray());
    }

    @Override
    public List<UUID> unfinished(int limit) {
        return query("SELECT " + COLUMNS + " FROM ordo_sagas WHERE " + UNFINISHED + " ORDER BY updated_at LIMIT ?", limit)
                .stream().map(SagaSummary::sagaId).toList();
    }

    @Override
    public List<UUID> due(Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM ordo_sagas WHERE " + UNFINISHED + " AND wake_at IS NOT NULL "
                + "AND wake_at <= ? ORDER BY wake_at LIMIT ?", now.toEpochMilli(), limit)
                .stream().map(SagaSummary::sagaId).toList();
    }

    @Override
    public void delete(UUID sagaId) {
        database.inTransaction(Writes.DERIVED, connection -> {
            try (PreparedStatement delete = prepare(connection, "DELETE FROM ordo_sagas WHERE saga_id = ?",
                    sagaId.toString())) {
                return delete.executeUpdate();
            }
        });
    }

    private List<SagaSummary> query(String sql, Object... params) {
        try (Connection connection = reader.getConnection();
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rs = statement.executeQuery()) {
            List<SagaSummary> result = new ArrayList<>();
            while (rs.next()) {
                long wake = rs.getLong(4);
                Instant wakeAt = rs.wasNull() ? null : Instant.ofEpochMilli(wake);
                result.add(new SagaSummary(UUID.fromString(rs.getString(1)), rs.getString(2),
                        SagaStatus.valueOf(rs.getString(3)), wakeAt, rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the saga index: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, Objects.requireNonNull(params[i], "parameter"));
        }
        return statement;
    }
}
