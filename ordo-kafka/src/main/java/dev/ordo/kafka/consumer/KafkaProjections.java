package dev.ordo.kafka.consumer;

import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.jdbc.ProjectionContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a {@link JdbcProjection} written for store subscriptions, unchanged, on a Kafka subscription: its tables are
 * created on first start (recorded with its version in {@code ordo_inbox_projections}), and each event its filter
 * takes is applied in the inbox's transaction, so exactly once. Limit: a Kafka-fed read model is not rebuilt when its
 * version changes (the topics may no longer hold every event); starting a changed version fails with an error that
 * says so. Instances of a service that share the database may start at the same time: one creates the read model, the
 * others find it. Stateless.
 */
public final class KafkaProjections {

    private KafkaProjections() {
    }

    /**
     * Creates the projection's tables when they do not exist yet, then starts its subscription.
     *
     * @throws IllegalStateException when the read model exists with another version
     */
    public static KafkaSubscription start(KafkaSubscriptionConfig config, OrdoDatabase database,
                                          JdbcProjection projection, DeadLetterRecorder deadLetters,
                                          MeterRegistry registry) {
        return KafkaSubscription.start(config, database, prepare(config, database, projection), deadLetters,
                registry);
    }

    static InboxHandler prepare(KafkaSubscriptionConfig config, OrdoDatabase database, JdbcProjection projection) {
        Inbox.migrate(database);
        Map<String, String> names = new LinkedHashMap<>();
        projection.tables().forEach(table -> names.put(table, table));
        try {
            createIfAbsent(config, database, projection, names);
        } catch (RuntimeException e) {
            // another instance of the service, starting at the same time, may have created it: then it is there now
            Integer created = database.inTransaction(OrdoDatabase.Writes.DURABLE,
                    connection -> storedVersion(connection, config.group()));
            if (created == null || created != projection.version()) {
                throw e;
            }
        }
        return (connection, event) -> {
            if (projection.filter().matches(event)) {
                projection.apply(new ProjectionContext(connection, database, names), event);
            }
        };
    }

    /**
     * Creates the read model's tables and records its version, unless the version is recorded already.
     *
     * @throws IllegalStateException when the read model exists with another version
     */
    private static void createIfAbsent(KafkaSubscriptionConfig config, OrdoDatabase database,
                                       JdbcProjection projection, Map<String, String> names) {
        database.inTransaction(OrdoDatabase.Writes.DURABLE, connection -> {
            Integer version = storedVersion(connection, config.group());
            if (version == null) {
                projection.createTables(new ProjectionContext(connection, database, names));
                try (var insert = connection.prepareStatement(
                        "INSERT INTO ordo_inbox_projections (consumer, version) VALUES (?, ?)")) {
                    insert.setString(1, config.group());
                    insert.setInt(2, projection.version());
                    insert.executeUpdate();
                }
            } else if (version != projection.version()) {
                throw new IllegalStateException("the read model '" + projection.name() + "' fed by consumer group '"
                        + config.group() + "' has version " + version + ", the code version " + projection.version()
                        + ": a Kafka-fed read model is not rebuilt; drop its tables and its ordo_inbox rows and "
                        + "reset the group's offsets, or feed it from the store");
            }
            return null;
        });
    }

    private static Integer storedVersion(Connection connection, String group) throws SQLException {
        try (var select = connection.prepareStatement("SELECT version FROM ordo_inbox_projections WHERE consumer = ?")) {
            select.setString(1, group);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }
}
