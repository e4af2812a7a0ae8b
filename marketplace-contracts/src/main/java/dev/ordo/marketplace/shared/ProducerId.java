package dev.ordo.marketplace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a producer (a farm, a bakery, a workshop) that offers products; {@link #toString()} is the bare
 * UUID.
 *
 * @param value the UUID; never null
 */
public record ProducerId(UUID value) {

    public ProducerId {
        Objects.requireNonNull(value, "producer id value is required");
    }

    public static ProducerId of(UUID value) {
        return new ProducerId(value);
    }

    /**
     * Parses the textual form of a UUID.
     *
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static ProducerId parse(String value) {
        return new ProducerId(UUID.fromString(value));
    }

    /** The bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
