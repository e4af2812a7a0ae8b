package dev.ordo.marketplace.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Sales figures of the orders placed between {@code from} and {@code to} (both inclusive, UTC days) in one currency.
 * Revenue counts orders that were paid and not cancelled (paid, shipped or delivered), at their order total.
 *
 * @param totalOrders       orders placed in the range
 * @param completedOrders   of those, delivered
 * @param cancelledOrders   of those, cancelled
 * @param completionRate    completed ÷ total, 0 when there are none
 * @param paidOrders        orders counted in revenue
 * @param revenue           the sum of their totals
 * @param averageOrderValue revenue ÷ paid orders, 0 when there are none
 */
public record AnalyticsView(LocalDate from, LocalDate to, String currency, long totalOrders, long completedOrders,
                            long cancelledOrders, BigDecimal completionRate, long paidOrders, BigDecimal revenue,
                            BigDecimal averageOrderValue, List<Day> revenuePerDay, List<TopProduct> topProducts,
                            List<TopProducer> topProducers) {

    public record Day(LocalDate day, long orders, BigDecimal revenue) {
    }

    public record TopProduct(String productId, String productName, long units, BigDecimal revenue) {
    }

    public record TopProducer(String producerId, String producerName, long units, BigDecimal revenue) {
    }
}
