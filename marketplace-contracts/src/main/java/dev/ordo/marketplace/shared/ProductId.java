package dev.ordo.marketplace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a catalog product; its event stream is {@code StreamId.of("product", productId)}, which is
 * {@code product-<uuid>} because {@link #toString()} is the bare UUID.
 *
 * @param value the UUID; never null
 */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "product id value is required");
    }

    public static ProductId of(UUID value) {
        return new ProductId(value);
    }

    /**
     * Parses the textual form of a UUID.
     *
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static ProductId parse(String value) {
        return new ProductId(UUID.fromString(value));
    }

    /** The bare UUID, so the id can be used directly in stream ids and URLs. */
    @Override
    public String toString() {
        return value.toString();
    }
}
