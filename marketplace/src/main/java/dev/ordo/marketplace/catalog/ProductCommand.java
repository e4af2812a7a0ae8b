package dev.ordo.marketplace.catalog;

/**
 * A request to change a catalog product, decided by {@link ProductDecider}.
 *
 * <p>Commands are plain data that carry their own time and accept any values; the decider refuses bad ones with a
 * {@link CatalogRuleViolation}. All commands except {@link RegisterProduct} act on the product whose stream
 * ({@code StreamId.of("product", productId)}) they are sent to.
 */
public sealed interface ProductCommand permits RegisterProduct, ChangePrice, ChangeAvailability {
}
