package dev.ordo.marketplace.inventory.readmodel;

import dev.ordo.jdbc.OrdoDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the inventory read model. Never reads the event store. Thread-safe. */
@Component
public class InventoryQueries {

    /**
     * Asks for the stock of these products, as the read model shows it (it may lag the stock streams by a moment);
     * the answer maps each product whose stock was ever recorded to its view. This is how other contexts (ordering's
     * quotes) learn what is available.
     */
    public record FindStock(Set<String> productIds) {
    }

    private final JdbcClient jdbc;

    public InventoryQueries(OrdoDatabase database) {
        this.jdbc = JdbcClient.create(database.readDataSource());
    }

    /** The stock of a product, if any was recorded. */
    public Optional<StockView> get(String productId) {
        return jdbc.sql("SELECT * FROM " + StockProjection.LEVELS + " WHERE product_id = ?").param(productId)
                .query((rs, n) -> view(rs)).optional();
    }

    /** The stock of the query's products that have any recorded, by product id. */
    public Map<String, StockView> find(FindStock query) {
        if (query.productIds().isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM " + StockProjection.LEVELS + " WHERE product_id IN (:ids)")
                .param("ids", List.copyOf(query.productIds()))
                .query((rs, n) -> view(rs)).list().stream()
                .collect(Collectors.toMap(StockView::productId, v -> v));
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
