package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.OrderId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * Places a new order. The total is computed by the domain from the lines.
 *
 * @param orderId         the new order's id; its stream is {@code StreamId.of("order", orderId)}
 * @param customerId      who orders
 * @param lines           one line per product (a product may appear only once); copied, must not contain null
 * @param shippingAddress where to ship, complete
 * @param placedAt        when the customer placed the order
 */
public record PlaceOrder(@NotNull OrderId orderId, @NotNull CustomerId customerId,
                         @NotEmpty List<@NotNull @Valid OrderLine> lines, @NotNull @Valid Address shippingAddress,
                         @NotNull Instant placedAt) implements OrderCommand {

    public PlaceOrder {
        lines = lines == null ? null : List.copyOf(lines);
    }
}
