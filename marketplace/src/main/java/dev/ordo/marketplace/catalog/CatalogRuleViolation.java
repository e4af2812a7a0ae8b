package dev.ordo.marketplace.catalog;

import dev.ordo.marketplace.shared.RuleViolation;
import java.util.Map;

/**
 * A catalog command broke one of the {@link CatalogRule}s; no event was decided.
 *
 * <p>The message names the rule and the product's state, for example {@code rule currency-cannot-change: the price
 * is in EUR and cannot change to USD (product is registered and available)}.
 */
public final class CatalogRuleViolation extends RuleViolation {

    private final boolean registered;

    /**
     * @param rule   the broken rule
     * @param state  the product's state when the command arrived
     * @param detail what was wrong, in words a user can act on
     */
    public CatalogRuleViolation(CatalogRule rule, Product state, String detail) {
        super(rule.id(), "rule " + rule.id() + ": " + detail + " (" + describe(state) + ")");
        this.registered = state instanceof Product.Registered;
    }

    /** Whether the product existed when the command arrived. */
    public boolean registered() {
        return registered;
    }

    /** Whether the product is registered, as {@code registered}. */
    @Override
    public Map<String, Object> details() {
        return Map.of("registered", registered);
    }

    private static String describe(Product state) {
        return switch (state) {
            case Product.Unregistered none -> "product is not registered";
            case Product.Registered product -> "product is registered and "
                    + (product.available() ? "available" : "unavailable");
        };
    }
}
