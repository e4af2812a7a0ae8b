package dev.ordo.marketplace.fulfilment;

import dev.ordo.marketplace.shared.OrderId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Cancels the running fulfilment of an order: what was done is undone and the order is cancelled. */
public record CancelFulfilment(@NotNull OrderId orderId, @NotBlank String reason) {
}
