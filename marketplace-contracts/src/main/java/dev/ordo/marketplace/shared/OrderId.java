package dev.ordo.marketplace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of an order; its event stream is {@code StreamId.of("order", orderId)}, which is
 * {@code order-<uuid>} because {@link #toString()} is the bare UUID.
 *
 * @param value the UUID; never null
 */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "order id value is required");
    }

    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    /**
     * Parses the textual form of a UUID.
     *
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static OrderId parse(String value) {
        return new OrderId(UUID.fromString(value));
    }

    /** The bare UUID, so the id can be used directly in stream ids and URLs. */
    @Override
    public String toString() {
        return value.toString();
    }
}
