package dev.ordo.marketplace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a customer of the marketplace; {@link #toString()} is the bare UUID.
 *
 * @param value the UUID; never null
 */
public record CustomerId(UUID value) {

    public CustomerId {
        Objects.requireNonNull(value, "customer id value is required");
    }

    public static CustomerId of(UUID value) {
        return new CustomerId(value);
    }

    /**
     * Parses the textual form of a UUID.
     *
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static CustomerId parse(String value) {
        return new CustomerId(UUID.fromString(value));
    }

    /** The bare UUID, so the id can be used directly in stream ids and URLs. */
    @Override
    public String toString() {
        return value.toString();
    }
}
