package dev.ordo.jdbc;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.jackson.OrdoJson;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test read model: per cart stream, how many items were added and in how many lines. Version 2 also keeps the
 * last sku, and can be held at a latch to observe the old read model while the rebuild runs. It notes the physical
 * table every event is applied to (before the latch), so a test sees which tables its code was fed against.
 */
final class CartItemsProjection implements JdbcProjection {

    private final int version;
    private final Predicate<RecordedEvent> failOnce;
    private final CountDownLatch gate;
    private boolean failed;
    /** The physical table of every application, in order. */
    final List<String> appliedTo = Collections.synchronizedList(new ArrayList<>());

    CartItemsProjection(int version, Predicate<RecordedEvent> failOnce, CountDownLatch gate) {
        this.version = version;
        this.failOnce = failOnce;
        this.gate = gate;
    }

    static CartItemsProjection version1() {
        return new CartItemsProjection(1, e -> false, new CountDownLatch(0));
    }

    @Override
    public String name() {
        return "cart-items";
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public List<String> tables() {
        return List.of("cart_items");
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("cart");
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        String table = context.table("cart_items");
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + table + " (stream_id TEXT PRIMARY KEY, items INTEGER NOT NULL, "
                    + "lines INTEGER NOT NULL" + (version >= 2 ? ", last_sku TEXT" : "") + ")");
            statement.execute("CREATE INDEX " + table + "_items_idx ON " + table + " (items)");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent event) throws SQLException {
        appliedTo.add(context.table("cart_items"));
        if (!failed && failOnce.test(event)) {
            failed = true;
            throw new SQLException("simulated crash in the middle of a page");
        }
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new SQLException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        }
        var json = OrdoJson.mapper().readTree(event.payload());
        String table = context.table("cart_items");
        String sql = version >= 2
                ? "INSERT INTO " + table + " (stream_id, items, lines, last_sku) VALUES (?, ?, 1, ?) "
                + "ON CONFLICT (stream_id) DO UPDATE SET items = " + table + ".items + excluded.items, "
                + "lines = " + table + ".lines + 1, last_sku = excluded.last_sku"
                : "INSERT INTO " + table + " (stream_id, items, lines) VALUES (?, ?, 1) "
                + "ON CONFLICT (stream_id) DO UPDATE SET items = " + table + ".items + excluded.items, "
                + "lines = " + table + ".lines + 1";
        try (PreparedStatement upsert = context.connection().prepareStatement(sql)) {
            upsert.setString(1, event.streamId().value());
            upsert.setInt(2, json.get("quantity").asInt());
            if (version >= 2) {
                upsert.setString(3, json.get("sku").asString());
            }
            upsert.executeUpdate();
        }
    }
}
