package dev.ordo.marketplace.inventory.readmodel;

import dev.ordo.jdbc.OrdoDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the inventory read model. Never reads the event store. Thread-safe. */
@Component
public class InventoryQueries {

    private final JdbcClient jdbc;

    public InventoryQueries(OrdoDatabase database) {
        this.jdbc = JdbcClient.create(database.readDataSource());
    }

    /** The stock of a product, if any was recorded. */
    public Optional<StockView> get(String productId) {
        return jdbc.sql("SELECT * FROM " + StockProjection.LEVELS + " WHERE product_id = ?").param(productId)
                .query((rs, n) -> view(rs)).optional();
    }

    /** The stock of every product, the fewest available first. */
    public List<StockView> list() {
        return jdbc.sql("SELECT * FROM " + StockProjection.LEVELS + " ORDER BY available, product_id")
                .query((rs, n) -> view(rs)).list();
    }

    private static StockView view(ResultSet rs) throws SQLException {
        return new StockView(rs.getString("product_id"), rs.getInt("available"), rs.getInt("reserved"),
                rs.getLong("version"), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
