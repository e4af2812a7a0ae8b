package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The payments of one order, folded from its {@code payment-<orderId>} stream. Built only by
 * {@link PaymentDecider#evolve}; immutable.
 *
 * @param orderId  the order, {@code null} while the stream is empty
 * @param payments each payment by id, in the order they were first recorded
 */
public record Payments(OrderId orderId, Map<String, Payment> payments) {

    public Payments {
        payments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(payments));
    }

    /** One payment. */
    public record Payment(String paymentId, Money amount, String method, String reference, PaymentStatus status,
                          String declineReason) {

        Payment with(PaymentStatus newStatus) {
            return new Payment(paymentId, amount, method, reference, newStatus, declineReason);
        }
    }

    /** The payment with this id, if it was recorded. */
    public Optional<Payment> payment(String paymentId) {
        return Optional.ofNullable(payments.get(paymentId));
    }

    Payments with(OrderId order, Payment payment) {
        Map<String, Payment> next = new LinkedHashMap<>(payments);
        next.put(payment.paymentId(), payment);
        return new Payments(order, next);
    }
}
