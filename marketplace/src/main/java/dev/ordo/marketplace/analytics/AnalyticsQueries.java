package dev.ordo.marketplace.analytics;

import dev.ordo.jdbc.OrdoDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Computes {@link AnalyticsView}s with SQL over the read models (exact integer sums in minor units). */
@Component
public class AnalyticsQueries {

    private static final String REVENUE_STATUSES = "('PAID', 'SHIPPED', 'DELIVERED')";

    private final JdbcClient jdbc;

    public AnalyticsQueries(OrdoDatabase database) {
        this.jdbc = JdbcClient.create(database.readDataSource());
    }

    /**
     * The figures of a date range.
     *
     * @param top how many products and producers to rank
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the currency is unknown
     */
    public AnalyticsView summary(LocalDate from, LocalDate to, String currencyCode, int top) {
        return summary(from, to, currencyCode, top, null);
    }

    /**
     * The figures of a date range as one producer sees them, or of everyone's sales when {@code producerId} is
     * {@code null}. For a producer, orders count when they hold one of the producer's products, and revenue is what
     * the producer's lines of paid orders bring (not the orders' whole totals).
     *
     * @param top how many products and producers to rank
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the currency is unknown
     */
    public AnalyticsView summary(LocalDate from, LocalDate to, String currencyCode, int top, String producerId) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
        String range = " WHERE d.placed_day >= :from AND d.placed_day <= :to AND d.currency = :currency";
        var params = new java.util.HashMap<String, Object>();
        params.put("from", from.toString());
        params.put("to", to.toString());
        params.put("currency", currencyCode);
        if (producerId != null) {
            params.put("producer", producerId);
            range += " AND d.order_id IN (SELECT ol.order_id FROM order_lines ol JOIN products op"
                    + " ON op.product_id = ol.product_id WHERE op.producer_id = :producer)";
        }
        String ownLines = producerId == null ? "" : " AND p.producer_id = :producer";

        var counts = jdbc.sql("SELECT COUNT(*) AS total, "
                        + "SUM(CASE WHEN d.status = 'DELIVERED' THEN 1 ELSE 0 END) AS completed, "
                        + "SUM(CASE WHEN d.status = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled, "
                        + "SUM(CASE WHEN d.status IN " + REVENUE_STATUSES + " THEN 1 ELSE 0 END) AS paid, "
                        + "SUM(CASE WHEN d.status IN " + REVENUE_STATUSES + " THEN d.total_minor ELSE 0 END) AS revenue "
                        + "FROM order_details d" + range)
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong("total"), rs.getLong("completed"), rs.getLong("cancelled"),
                        rs.getLong("paid"), rs.getLong("revenue")})
                .single();
        long total = counts[0];
        long paid = counts[3];
        String paidRange = range + " AND d.status IN " + REVENUE_STATUSES;
        if (producerId != null) {
            counts[4] = jdbc.sql("SELECT COALESCE(SUM(l.quantity * l.unit_minor), 0) FROM order_lines l "
                            + "JOIN order_details d ON d.order_id = l.order_id "
                            + "JOIN products p ON p.product_id = l.product_id" + paidRange + ownLines)
                    .params(params).query(Long.class).single();
        }
        BigDecimal revenue = money(counts[4], digits);
        BigDecimal rate = total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(counts[1]).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
        BigDecimal average = paid == 0 ? money(0, digits)
                : revenue.divide(BigDecimal.valueOf(paid), digits, RoundingMode.HALF_EVEN);

        String daysSql = producerId == null
                ? "SELECT d.placed_day AS day, COUNT(*) AS orders, SUM(d.total_minor) AS revenue FROM order_details d"
                        + paidRange + " GROUP BY d.placed_day ORDER BY d.placed_day"
                : "SELECT d.placed_day AS day, COUNT(DISTINCT d.order_id) AS orders, "
                        + "SUM(l.quantity * l.unit_minor) AS revenue FROM order_lines l "
                        + "JOIN order_details d ON d.order_id = l.order_id JOIN products p ON p.product_id = l.product_id"
                        + paidRange + ownLines + " GROUP BY d.placed_day ORDER BY d.placed_day";
        List<AnalyticsView.Day> days = jdbc.sql(daysSql)
                .params(params)
                .query((rs, n) -> new AnalyticsView.Day(LocalDate.parse(rs.getString("day")), rs.getLong("orders"),
                        money(rs.getLong("revenue"), digits)))
                .list();
        params.put("top", top);
        List<AnalyticsView.TopProduct> products = jdbc.sql("SELECT l.product_id, MAX(l.product_name) AS name, "
                        + "SUM(l.quantity) AS units, SUM(l.quantity * l.unit_minor) AS revenue "
                        + "FROM order_lines l JOIN order_details d ON d.order_id = l.order_id"
                        + (producerId == null ? "" : " JOIN products p ON p.product_id = l.product_id")
                        + paidRange + ownLines + " GROUP BY l.product_id ORDER BY revenue DESC, units DESC, l.product_id LIMIT :top")
                .params(params)
                .query((rs, n) -> new AnalyticsView.TopProduct(rs.getString("product_id"), rs.getString("name"),
                        rs.getLong("units"), money(rs.getLong("revenue"), digits)))
                .list();
        List<AnalyticsView.TopProducer> producers = jdbc.sql("SELECT p.producer_id, MAX(p.producer_name) AS name, "
                        + "SUM(l.quantity) AS units, SUM(l.quantity * l.unit_minor) AS revenue "
                        + "FROM order_lines l JOIN order_details d ON d.order_id = l.order_id "
                        + "JOIN products p ON p.product_id = l.product_id" + paidRange + ownLines
                        + " GROUP BY p.producer_id ORDER BY revenue DESC, units DESC, p.producer_id LIMIT :top")
                .params(params)
                .query((rs, n) -> new AnalyticsView.TopProducer(rs.getString("producer_id"), rs.getString("name"),
                        rs.getLong("units"), money(rs.getLong("revenue"), digits)))
                .list();
        return new AnalyticsView(from, to, currencyCode, total, counts[1], counts[2], rate, paid, revenue, average, days,
                products, producers);
    }

    private static BigDecimal money(long minor, int digits) {
        return BigDecimal.valueOf(minor, digits);
    }
}
