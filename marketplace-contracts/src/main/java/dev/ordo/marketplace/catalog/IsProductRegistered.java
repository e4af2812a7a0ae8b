package dev.ordo.marketplace.catalog;

import dev.ordo.marketplace.shared.ProductId;
import java.util.Objects;

/**
 * Asks the catalog, through the query bus, whether a product is registered; answered from the product's stream, so
 * a product registered a moment ago is already known (the catalog's read model may lag). Answer: {@link Boolean}.
 *
 * @param productId the product
 */
public record IsProductRegistered(ProductId productId) {

    public IsProductRegistered {
        Objects.requireNonNull(productId, "productId");
    }
}
