package dev.ordo.marketplace.crash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's global log as the store holds it, read straight from {@code ordo_events} from position 0: what
 * the invariants are checked against, independently of the application's read models and of its code (events are
 * read as JSON by their stable type names). Immutable once read.
 */
final class EventLog {

    /** One stored event: its place in the log and stream, its type, payload and the metadata beyond the standard. */
    record Event(long position, String streamId, String category, long version, String type, JsonNode data,
                 JsonNode extra) {

        /** The Idempotency-Key of the request that wrote it, or {@code null}. */
        String idempotencyKey() {
            JsonNode key = extra == null ? null : extra.get("idempotency-key");
            return key == null || key.isNull() ? null : key.asString();
        }

        /** The stream id after the category, e.g. the order id of {@code order-<id>}. */
        String entityId() {
            return streamId.substring(category.length() + 1);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CATEGORIES = Set.of("order", "stock", "payment", "saga");

    private final List<Event> events;
    private final Map<String, List<Event>> byStream = new LinkedHashMap<>();

    private EventLog(List<Event> events) {
        this.events = List.copyOf(events);
        events.forEach(e -> byStream.computeIfAbsent(e.streamId(), id -> new ArrayList<>()).add(e));
    }

    /** Reads every event of the orders, stocks, payments and sagas, in log order. */
    static EventLog read(Connection connection) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT position, stream_id, category, "
                + "stream_version, event_type, payload, extra FROM ordo_events ORDER BY position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String category = rows.getString(3);
                if (CATEGORIES.contains(category)) {
                    String extra = rows.getString(7);
                    events.add(new Event(rows.getLong(1), rows.getString(2), category, rows.getLong(4),
                            rows.getString(5), JSON.readTree(rows.getString(6)),
                            extra == null ? null : JSON.readTree(extra)));
                }
            }
        }
        return new EventLog(events);
    }

    /** The events of one category, in log order. */
    List<Event> category(String category) {
        return events.stream().filter(e -> e.category().equals(category)).toList();
    }

    /** The events of one category grouped by stream, each stream's in log order. */
    Map<String, List<Event>> streams(String category) {
        Map<String, List<Event>> streams = new LinkedHashMap<>();
        for (Event event : category(category)) {
            streams.computeIfAbsent(event.entityId(), id -> new ArrayList<>()).add(event);
        }
        return streams;
    }

    /** The events of one stream, in order; empty when it does not exist. */
    List<Event> stream(String category, String entityId) {
        return List.copyOf(byStream.getOrDefault(category + "-" + entityId, List.of()));
    }

    int size() {
        return events.size();
    }
}
