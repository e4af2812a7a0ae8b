package dev.ordo.kafka.consumer;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.jdbc.OrdoDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The inbox of the Kafka consumers of one database: per consumer group and stream, the last version applied, read and
 * written on the caller's transaction. Its schema is migrated with {@link #migrate(OrdoDatabase)}. Stateless.
 */
final class Inbox {

    private static final String LAST = "SELECT version FROM ordo_inbox WHERE consumer = ? AND stream_id = ?";
    private static final String RECORD = "INSERT INTO ordo_inbox (consumer, stream_id, version, event_id) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (consumer, stream_id) DO UPDATE SET version = excluded.version, "
            + "event_id = excluded.event_id";

    private final OrdoDatabase database;
    private final String consumer;

    Inbox(OrdoDatabase database, String consumer) {
        this.database = database;
        this.consumer = consumer;
    }

    /** Creates or updates the inbox tables (Flyway, history table {@code ordo_inbox_schema_history}). */
    static void migrate(OrdoDatabase database) {
        database.migrate("dev/ordo/kafka/migration/inbox", false, "ordo_inbox_schema_history");
    }

    /** The last version of the stream this consumer applied, 0 when none. */
    long lastVersion(Connection connection, StreamId stream) throws SQLException {
        return database.withStatement(connection, LAST, statement -> {
            statement.setString(1, consumer);
            statement.setString(2, stream.value());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Records the event as the last one applied of its stream. */
    void record(Connection connection, RecordedEvent event) throws SQLException {
        database.withStatement(connection, RECORD, statement -> {
            statement.setString(1, consumer);
            statement.setString(2, event.streamId().value());
            statement.setLong(3, event.streamVersion());
            statement.setString(4, event.eventId().toString());
            return statement.executeUpdate();
        });
    }
}
