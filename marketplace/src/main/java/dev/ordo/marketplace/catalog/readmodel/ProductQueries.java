package dev.ordo.marketplace.catalog.readmodel;

import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.shared.MinorUnits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the catalog read model; also answers {@link FindProducts} on the query bus, which is how other contexts
 * (ordering) look up names and prices. Thread-safe.
 */
@Component
public class ProductQueries {

    /** Asks for the products with these ids; the answer maps each known id to its view. */
    public record FindProducts(Set<String> productIds) {
    }

    /** A producer and how many products it offers. */
    public record ProducerView(String producerId, String producerName, long products) {
    }

    private final JdbcClient jdbc;

    public ProductQueries(OrdoDatabase database) {
        this.jdbc = JdbcClient.create(database.readDataSource());
    }

    /** Every product, optionally only available ones or one producer's, by name. */
    public List<ProductView> list(Boolean available, String producerId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + ProductsProjection.PRODUCTS + " WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (available != null) {
            sql.append(" AND available = :available");
            params.put("available", available ? 1 : 0);
        }
        if (producerId != null) {
            sql.append(" AND producer_id = :producer");
            params.put("producer", producerId);
        }
        return jdbc.sql(sql + " ORDER BY name").params(params).query((rs, n) -> view(rs)).list();
    }

    public Optional<ProductView> get(String productId) {
        return jdbc.sql("SELECT * FROM " + ProductsProjection.PRODUCTS + " WHERE product_id = ?").param(productId)
                .query((rs, n) -> view(rs)).optional();
    }

    /** The products of the query that exist, by id. */
    public Map<String, ProductView> find(FindProducts query) {
        if (query.productIds().isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM " + ProductsProjection.PRODUCTS + " WHERE product_id IN (:ids)")
                .param("ids", List.copyOf(query.productIds()))
                .query((rs, n) -> view(rs)).list().stream()
                .collect(Collectors.toMap(ProductView::productId, v -> v));
    }

    public List<ProducerView> producers() {
        return jdbc.sql("SELECT producer_id, producer_name, COUNT(*) AS n FROM " + ProductsProjection.PRODUCTS
                        + " GROUP BY producer_id, producer_name ORDER BY producer_name")
                .query((rs, n) -> new ProducerView(rs.getString("producer_id"), rs.getString("producer_name"),
                        rs.getLong("n")))
                .list();
    }

    private static ProductView view(ResultSet rs) throws SQLException {
        return new ProductView(rs.getString("product_id"), rs.getString("producer_id"), rs.getString("producer_name"),
                rs.getString("name"), rs.getString("description"),
                MinorUnits.toMoney(rs.getLong("price_minor"), rs.getString("currency")).amount(),
                rs.getString("currency"), rs.getInt("available") == 1, rs.getLong("version"));
    }
}
