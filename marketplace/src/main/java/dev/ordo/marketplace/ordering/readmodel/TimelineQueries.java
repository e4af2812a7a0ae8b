package dev.ordo.marketplace.ordering.readmodel;

import dev.ordo.core.event.StreamId;
import dev.ordo.jackson.OrdoJson;
import dev.ordo.jdbc.OrdoDatabase;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the timeline read model ({@link TimelineProjection}). Never reads the event store. Thread-safe. */
@Component
public class TimelineQueries {

    /** The most entries one timeline returns. */
    public static final int LIMIT = 1_000;

    private final JdbcClient jdbc;

    public TimelineQueries(OrdoDatabase database) {
        this.jdbc = JdbcClient.create(database.readDataSource());
    }

    /** The order's timeline, oldest first, at most {@value #LIMIT} entries; empty when none arrived yet. */
    public List<TimelineEntry> of(String orderId) {
        return jdbc.sql("SELECT * FROM " + TimelineProjection.ENTRIES + " WHERE order_id = ? ORDER BY position LIMIT ?")
                .params(orderId, LIMIT)
                .query((rs, n) -> new TimelineEntry(rs.getLong("position"), rs.getString("event_id"),
                        StreamId.categoryOf(rs.getString("stream_id")), rs.getString("stream_id"),
                        rs.getLong("stream_version"), rs.getString("event_type"),
                        Instant.ofEpochMilli(rs.getLong("recorded_at")), rs.getString("actor"),
                        rs.getString("correlation_id"), rs.getString("causation_id"),
                        OrdoJson.mapper().readTree(rs.getString("data"))))
                .list();
    }
}
