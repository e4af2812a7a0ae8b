package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.OrderId;

/** What happened to a payment of an order, stored under stable names ({@code payment.authorized}, ...). */
public sealed interface PaymentEvent permits PaymentAuthorized, PaymentDeclined, PaymentCaptured, PaymentRefunded {

    OrderId orderId();

    String paymentId();
}
