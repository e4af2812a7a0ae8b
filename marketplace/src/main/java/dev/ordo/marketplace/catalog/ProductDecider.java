package dev.ordo.marketplace.catalog;

import static dev.ordo.marketplace.catalog.CatalogRule.CURRENCY_CANNOT_CHANGE;
import static dev.ordo.marketplace.catalog.CatalogRule.PRICE_MUST_NOT_BE_NEGATIVE;
import static dev.ordo.marketplace.catalog.CatalogRule.PRICE_REQUIRED;
import static dev.ordo.marketplace.catalog.CatalogRule.PRODUCER_NAME_REQUIRED;
import static dev.ordo.marketplace.catalog.CatalogRule.PRODUCER_REQUIRED;
import static dev.ordo.marketplace.catalog.CatalogRule.PRODUCT_ALREADY_REGISTERED;
import static dev.ordo.marketplace.catalog.CatalogRule.PRODUCT_ID_REQUIRED;
import static dev.ordo.marketplace.catalog.CatalogRule.PRODUCT_NAME_REQUIRED;
import static dev.ordo.marketplace.catalog.CatalogRule.PRODUCT_NOT_FOUND;
import static dev.ordo.marketplace.catalog.CatalogRule.TIMESTAMP_REQUIRED;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventType;
import dev.ordo.marketplace.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A catalog product as a pure {@link Decider}: one stream per product ({@code StreamId.of("product", productId)}).
 *
 * <p>{@link #decide} returns the events a command produces or throws a {@link CatalogRuleViolation} naming the broken
 * {@link CatalogRule} and the product's state. Checks run in a fixed order: whether the product exists, then the
 * command's fields in order. Changing the price or the availability to the current value is accepted and produces no
 * event. A registration without a description stores an empty one.
 *
 * <p>{@link #evolve} throws {@link IllegalStateException} for an event that cannot follow the state (a corrupt
 * stream). Stateless and thread-safe.
 */
public final class ProductDecider implements Decider<ProductCommand, Product, ProductEvent> {

    /** A stream with no events holds {@link Product.Unregistered}. */
    @Override
    public Product initialState() {
        return new Product.Unregistered();
    }

    /**
     * @throws CatalogRuleViolation when the command breaks a rule
     * @throws NullPointerException when the command or the state is null
     */
    @Override
    public List<ProductEvent> decide(ProductCommand command, Product state) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(state, "state");
        return switch (command) {
            case RegisterProduct register -> List.of(register(register, state));
            case ChangePrice change -> changePrice(change, registered(state));
            case ChangeAvailability change -> changeAvailability(change, registered(state));
        };
    }

    /** @throws IllegalStateException when the event cannot follow the state */
    @Override
    public Product evolve(Product state, ProductEvent event) {
        return switch (event) {
            case ProductRegistered(var productId, var producerId, var producerName, var name, var description,
                                   var price, boolean available, var registeredAt) -> {
                expect(Product.Unregistered.class, state, event);
                yield new Product.Registered(productId, producerId, producerName, name, description, price,
                        available, registeredAt);
            }
            case PriceChanged(var productId, var oldPrice, Money newPrice, var changedAt) ->
                    expect(Product.Registered.class, state, event).withPrice(newPrice);
            case AvailabilityChanged(var productId, boolean available, var changedAt) ->
                    expect(Product.Registered.class, state, event).withAvailability(available);
        };
    }

    private static ProductRegistered register(RegisterProduct register, Product state) {
        if (state instanceof Product.Registered existing) {
            throw new CatalogRuleViolation(PRODUCT_ALREADY_REGISTERED, state, "product " + existing.productId()
                    + " (" + existing.name() + ") was already registered at " + existing.registeredAt());
        }
        if (register.productId() == null) {
            throw new CatalogRuleViolation(PRODUCT_ID_REQUIRED, state, "a product id is required");
        }
        requireTimestamp(register.registeredAt(), "registeredAt", state);
        if (register.producerId() == null) {
            throw new CatalogRuleViolation(PRODUCER_REQUIRED, state, "a product needs its producer's id");
        }
        if (blank(register.producerName())) {
            throw new CatalogRuleViolation(PRODUCER_NAME_REQUIRED, state, "a product needs its producer's name");
        }
        if (blank(register.name())) {
            throw new CatalogRuleViolation(PRODUCT_NAME_REQUIRED, state, "a product needs a name");
        }
        requirePrice(register.price(), state);
        String description = register.description() == null ? "" : register.description();
        return new ProductRegistered(register.productId(), register.producerId(), register.producerName(),
                register.name(), description, register.price(), register.available(), register.registeredAt());
    }

    private static List<ProductEvent> changePrice(ChangePrice change, Product.Registered product) {
        requireTimestamp(change.changedAt(), "changedAt", product);
        requirePrice(change.newPrice(), product);
        if (!change.newPrice().hasCurrency(product.price().currency())) {
            throw new CatalogRuleViolation(CURRENCY_CANNOT_CHANGE, product, "the price of " + product.name()
                    + " is in " + product.price().currency() + " and cannot change to "
                    + change.newPrice().currency());
        }
        if (change.newPrice().equals(product.price())) {
            return List.of();
        }
        return List.of(new PriceChanged(product.productId(), product.price(), change.newPrice(), change.changedAt()));
    }

    private static List<ProductEvent> changeAvailability(ChangeAvailability change, Product.Registered product) {
        requireTimestamp(change.changedAt(), "changedAt", product);
        if (change.available() == product.available()) {
            return List.of();
        }
        return List.of(new AvailabilityChanged(product.productId(), change.available(), change.changedAt()));
    }

    private static Product.Registered registered(Product state) {
        return switch (state) {
            case Product.Unregistered none -> throw new CatalogRuleViolation(PRODUCT_NOT_FOUND, state,
                    "no product has been registered in this stream");
            case Product.Registered product -> product;
        };
    }

    private static void requirePrice(Money price, Product state) {
        if (price == null) {
            throw new CatalogRuleViolation(PRICE_REQUIRED, state, "a price is required");
        }
        if (price.signum() < 0) {
            throw new CatalogRuleViolation(PRICE_MUST_NOT_BE_NEGATIVE, state, "the price " + price
                    + " is negative; prices are zero or more");
        }
    }

    private static void requireTimestamp(Instant at, String field, Product state) {
        if (at == null) {
            throw new CatalogRuleViolation(TIMESTAMP_REQUIRED, state, field + " is required");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <T extends Product> T expect(Class<T> type, Product state, ProductEvent event) {
        if (type.isInstance(state)) {
            return type.cast(state);
        }
        String current = state instanceof Product.Registered ? "a registered product" : "no product";
        throw new IllegalStateException("event '" + event.getClass().getAnnotation(EventType.class).value()
                + "' cannot follow " + current + " in stream of product " + event.productId()
                + "; the stream is corrupt");
    }
}
