package dev.ordo.marketplace.ordering.readmodel;

import static dev.ordo.marketplace.shared.MinorUnits.instant;

import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.shared.MinorUnits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the orders read model. Never reads the event store. Thread-safe. */
@Component
public class OrderQueries {

    private final JdbcClient jdbc;

    public OrderQueries(OrdoDatabase database) {
        this.jdbc = JdbcClient.create(database.readDataSource());
    }

    /** The order's details, if the read model has it. */
    public Optional<OrderView> details(String orderId) {
        List<OrderView.Line> lines = jdbc.sql("SELECT product_id, product_name, quantity, unit_minor, currency FROM "
                        + OrdersProjection.LINES + " WHERE order_id = ? ORDER BY line_no")
                .param(orderId)
                .query((rs, n) -> line(rs))
                .list();
        return jdbc.sql("SELECT * FROM " + OrdersProjection.DETAILS + " WHERE order_id = ?")
                .param(orderId)
                .query((rs, n) -> view(rs, lines))
                .optional();
    }

    /** A page of the orders matching the filter, newest first. */
    public OrderPage list(OrderFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.customerId() != null) {
            where.append(" AND d.customer_id = ?");
            params.add(filter.customerId());
        }
        if (filter.status() != null) {
            where.append(" AND d.status = ?");
            params.add(filter.status());
        }
        if (filter.placedFrom() != null) {
            where.append(" AND d.placed_at >= ?");
            params.add(filter.placedFrom().toEpochMilli());
        }
        if (filter.placedTo() != null) {
            where.append(" AND d.placed_at < ?");
            params.add(filter.placedTo().toEpochMilli());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM " + OrdersProjection.DETAILS + " d" + where)
                .params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<OrderListItem> items = jdbc.sql("SELECT d.order_id, d.customer_id, d.status, d.total_minor, d.currency, "
                        + "d.placed_at, d.version, (SELECT COALESCE(SUM(l.quantity), 0) FROM " + OrdersProjection.LINES
                        + " l WHERE l.order_id = d.order_id) AS items FROM " + OrdersProjection.DETAILS + " d" + where
                        + " ORDER BY d.placed_at DESC, d.order_id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new OrderListItem(rs.getString("order_id"), rs.getString("customer_id"),
                        rs.getString("status"), amount(rs.getLong("total_minor"), rs.getString("currency")),
                        rs.getInt("items"), instant(rs.getLong("placed_at")), rs.getLong("version")))
                .list();
        return new OrderPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** How many orders the read model holds in each status. */
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM " + OrdersProjection.DETAILS + " GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    private static OrderView.Line line(ResultSet rs) throws SQLException {
        OrderView.Amount unit = amount(rs.getLong("unit_minor"), rs.getString("currency"));
        int quantity = rs.getInt("quantity");
        return new OrderView.Line(rs.getString("product_id"), rs.getString("product_name"), quantity, unit,
                amount(rs.getLong("unit_minor") * quantity, rs.getString("currency")));
    }

    private static OrderView view(ResultSet rs, List<OrderView.Line> lines) throws SQLException {
        String currency = rs.getString("currency");
        // The row keeps a cancelled order's payment and shipment, but a cancelled order shows only where it was
        // cancelled from, as its state folded from the events does: one order, one representation per version.
        boolean cancelled = rs.getObject("cancelled_at") != null;
        OrderView.Payment payment = cancelled || rs.getObject("paid_at") == null ? null : new OrderView.Payment(
                amount(rs.getLong("paid_minor"), currency), rs.getString("payment_method"),
                rs.getString("payment_reference"), instant(rs.getLong("paid_at")));
        OrderView.Shipment shipment = cancelled || rs.getObject("shipped_at") == null ? null : new OrderView.Shipment(
                rs.getString("tracking_number"), rs.getString("carrier"), instant(rs.getLong("shipped_at")));
        OrderView.Cancellation cancellation = rs.getObject("cancelled_at") == null ? null : new OrderView.Cancellation(
                rs.getString("cancel_reason"), rs.getString("cancelled_from"), instant(rs.getLong("cancelled_at")));
        return new OrderView(rs.getString("order_id"), rs.getString("customer_id"), rs.getString("status"), lines,
                amount(rs.getLong("total_minor"), currency),
                new OrderView.Address(rs.getString("street"), rs.getString("city"), rs.getString("postal_code"),
                        rs.getString("country")),
                instant(rs.getLong("placed_at")), payment, shipment,
                rs.getObject("delivered_at") == null ? null : instant(rs.getLong("delivered_at")), cancellation,
                rs.getLong("version"));
    }

    static OrderView.Amount amount(long minor, String currency) {
        return new OrderView.Amount(MinorUnits.toMoney(minor, currency).amount(), currency);
    }
}
