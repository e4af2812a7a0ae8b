package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.ProductId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * One product on an order: how many units at which unit price.
 *
 * <p>Used both in {@code PlaceOrder} (as requested) and in {@link OrderPlaced} and the order state (as accepted).
 * The record accepts any values; {@code OrderDecider} enforces the rules (product and name required, quantity
 * positive and at most {@value #MAX_QUANTITY}, unit price not negative and in the order's currency).
 *
 * @param productId   the catalog product
 * @param productName the product's name when it was ordered
 * @param quantity    the number of units
 * @param unitPrice   the price of one unit
 */
public record OrderLine(@NotNull ProductId productId, @NotBlank String productName, @Positive int quantity,
                        @NotNull @Valid Money unitPrice) {

    /** The most units of one product an order line may hold. */
    public static final int MAX_QUANTITY = 10_000;

    /**
     * The quantity times the unit price.
     *
     * @throws NullPointerException when the unit price is missing
     */
    public Money subtotal() {
        return unitPrice.multiply(quantity);
    }

    OrderLine withQuantity(int newQuantity) {
        return new OrderLine(productId, productName, newQuantity, unitPrice);
    }
}
