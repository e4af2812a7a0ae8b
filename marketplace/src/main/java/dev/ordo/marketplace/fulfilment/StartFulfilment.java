package dev.ordo.marketplace.fulfilment;

import dev.ordo.marketplace.shared.OrderId;
import jakarta.validation.constraints.NotNull;

/** Starts the fulfilment of an order (idempotent: an order has one fulfilment saga). */
public record StartFulfilment(@NotNull OrderId orderId) {
}
