package dev.ordo.marketplace.catalog.readmodel;

import java.math.BigDecimal;

/**
 * A product as the catalog shows it.
 *
 * @param version the product's stream version; send it back in {@code If-Match}
 */
public record ProductView(String productId, String producerId, String producerName, String name, String description,
                          BigDecimal price, String currency, boolean available, long version) {
}
