package dev.ordo.marketplace.ordering.readmodel;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.ProjectionContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps each order's timeline: every event of the store that belongs to the order's causal chain, in global order.
 * An event belongs to an order when it is on the order's stream, or when its correlation id is a key of the order:
 * the correlation ids of the order's own events (each request's, and the process managers keep them on what they
 * cause), and the ids of the sagas started for it (a saga's id correlates everything its steps write: stock
 * reservations, payments, shipments, notifications). Keys are learnt as the events come, in the store's one order, so
 * an order's key is known before anything correlated with it. A correlation id that two orders share (a client that
 * sends the same {@code X-Correlation-Id} twice) belongs to the first.
 *
 * <p>{@code timeline_keys} maps keys to orders; {@code timeline_entries} holds one row per (order, event) with what the
 * timeline shows. In distributed mode it sees what the store of its service holds (the orders and their sagas).
 */
@Component
public class TimelineProjection implements JdbcProjection {

    static final String KEYS = "timeline_keys";
    static final String ENTRIES = "timeline_entries";

    @Override
    public String name() {
        return "order-timeline";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of(KEYS, ENTRIES);
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        String entries = context.table(ENTRIES);
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + context.table(KEYS) + " (correlation_key TEXT PRIMARY KEY, "
                    + "order_id TEXT NOT NULL)");
            statement.execute("CREATE TABLE " + entries + " (order_id TEXT NOT NULL, position BIGINT NOT NULL, "
                    + "event_id TEXT NOT NULL, stream_id TEXT NOT NULL, stream_version BIGINT NOT NULL, "
                    + "event_type TEXT NOT NULL, recorded_at BIGINT NOT NULL, actor TEXT, correlation_id TEXT, "
                    + "causation_id TEXT, data TEXT NOT NULL, PRIMARY KEY (order_id, position))");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent event) throws SQLException {
        String category = event.streamId().category();
        String correlation = event.metadata().correlationId();
        Optional<String> order = category.equals("order") ? Optional.of(event.streamId().idPart())
                : correlation == null ? Optional.empty() : orderOf(context, correlation);
        if (order.isEmpty()) {
            return;
        }
        String orderId = order.get();
        context.update("INSERT INTO " + context.table(ENTRIES) + " (order_id, position, event_id, stream_id, "
                        + "stream_version, event_type, recorded_at, actor, correlation_id, causation_id, data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, position) DO NOTHING",
                orderId, event.position(), event.eventId().toString(), event.streamId().value(),
                event.streamVersion(), event.eventType(), event.recordedAt().toEpochMilli(), event.metadata().actor(),
                correlation, event.metadata().causationId(), event.payload());
        if (correlation != null) {
            remember(context, correlation, orderId);
        }
        if (category.equals("saga")) {
            remember(context, event.streamId().idPart(), orderId);
        }
    }

    private static void remember(ProjectionContext context, String key, String orderId) throws SQLException {
        context.update("INSERT INTO " + context.table(KEYS) + " (correlation_key, order_id) VALUES (?, ?) "
                + "ON CONFLICT (correlation_key) DO NOTHING", key, orderId);
    }

    private static Optional<String> orderOf(ProjectionContext context, String key) throws SQLException {
        return context.withStatement("SELECT order_id FROM " + context.table(KEYS) + " WHERE correlation_key = ?",
                select -> {
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                });
    }
}
