package dev.ordo.marketplace.catalog;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProducerId;
import dev.ordo.marketplace.shared.ProductId;
import java.time.Instant;

/**
 * The state of a product stream: not registered yet, or registered with its current price and availability.
 * Built only by {@link ProductDecider#evolve}; immutable.
 */
public sealed interface Product permits Product.Unregistered, Product.Registered {

    /** The state of a stream with no events. */
    record Unregistered() implements Product {
    }

    /**
     * A product in the catalog.
     *
     * @param productId    the product
     * @param producerId   who makes it
     * @param producerName the producer's display name
     * @param name         the product's display name
     * @param description  the description, possibly empty
     * @param price        the current unit price; its currency never changes
     * @param available    whether customers can order it now
     * @param registeredAt when it was registered
     */
    record Registered(ProductId productId, ProducerId producerId, String producerName, String name,
                      String description, Money price, boolean available, Instant registeredAt) implements Product {

        Registered withPrice(Money newPrice) {
            return new Registered(productId, producerId, producerName, name, description, newPrice, available,
                    registeredAt);
        }

        Registered withAvailability(boolean nowAvailable) {
            return new Registered(productId, producerId, producerName, name, description, price, nowAvailable,
                    registeredAt);
        }
    }
}
