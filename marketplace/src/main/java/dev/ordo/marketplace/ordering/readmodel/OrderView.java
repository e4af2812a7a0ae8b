package dev.ordo.marketplace.ordering.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it, whether read from the read model or folded from the events (time travel).
 *
 * @param payment      present while paid, shipped or delivered; a cancelled order has only its {@code cancellation}
 * @param shipment     present while shipped or delivered
 * @param cancellation present when cancelled, with the status it was cancelled from (a refund is due from PAID or
 *                     SHIPPED)
 * @param version      the order's stream version this view reflects; send it back in {@code If-Match}
 */
public record OrderView(String orderId, String customerId, String status, List<Line> lines, Amount total,
                        Address shippingAddress, Instant placedAt, Payment payment, Shipment shipment,
                        Instant deliveredAt, Cancellation cancellation, long version) {

    /** A sum of money: an exact decimal and an ISO 4217 currency code. */
    public record Amount(BigDecimal amount, String currency) {
    }

    public record Line(String productId, String productName, int quantity, Amount unitPrice, Amount subtotal) {
    }

    public record Address(String street, String city, String postalCode, String country) {
    }

    public record Payment(Amount amount, String method, String reference, Instant paidAt) {
    }

    public record Shipment(String trackingNumber, String carrier, Instant shippedAt) {
    }

    public record Cancellation(String reason, String cancelledFrom, Instant cancelledAt) {
    }
}
