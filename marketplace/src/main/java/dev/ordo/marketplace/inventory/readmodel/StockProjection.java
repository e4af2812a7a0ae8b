package dev.ordo.marketplace.inventory.readmodel;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.ProjectionContext;
import dev.ordo.marketplace.inventory.StockEvent;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code stock_levels} (one row per product: available, reserved) from the {@code stock} category. Every stock
 * event carries the counts after it, so each event is one upsert.
 */
@Component
public class StockProjection implements JdbcProjection {

    static final String LEVELS = "stock_levels";

    private final EventSerializer serializer;

    public StockProjection(EventSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public String name() {
        return "stock";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of(LEVELS);
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("stock");
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + context.table(LEVELS) + " (product_id TEXT PRIMARY KEY, "
                    + "available INTEGER NOT NULL, reserved INTEGER NOT NULL, version BIGINT NOT NULL, "
                    + "updated_at BIGINT NOT NULL)");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent recorded) throws SQLException {
        if (!(serializer.deserialize(recorded) instanceof StockEvent event)) {
            return;
        }
        context.update("INSERT INTO " + context.table(LEVELS)
                + " (product_id, available, reserved, version, updated_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (product_id) DO UPDATE SET available = excluded.available, "
                + "reserved = excluded.reserved, version = excluded.version, updated_at = excluded.updated_at",
                event.productId().toString(), event.available(), event.reserved(), recorded.streamVersion(),
                recorded.recordedAt().toEpochMilli());
    }
}
