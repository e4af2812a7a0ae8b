package dev.ordo.marketplace.inventory;

import dev.ordo.marketplace.shared.RuleViolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stock command broke one of the {@link InventoryRule}s; no event was decided. The message names the rule and the
 * stock, for example {@code rule insufficient-stock: 5 units requested, 3 available (stock has 3 available, 7
 * reserved)}; {@link #details()} carries {@code available} and {@code reserved} when there is stock.
 */
public final class InventoryRuleViolation extends RuleViolation {

    private final Integer available;
    private final Integer reserved;

    public InventoryRuleViolation(InventoryRule rule, Stock state, String detail) {
        super(rule.id(), "rule " + rule.id() + ": " + detail + " (" + describe(state) + ")");
        this.available = state instanceof Stock.Stocked s ? s.available() : null;
        this.reserved = state instanceof Stock.Stocked s ? s.reserved() : null;
    }

    /** Units available when the command arrived; {@code null} when no stock was recorded. */
    public Integer available() {
        return available;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (available != null) {
            details.put("available", available);
            details.put("reserved", reserved);
        }
        return details;
    }

    private static String describe(Stock state) {
        return switch (state) {
            case Stock.NoStock none -> "no stock recorded";
            case Stock.Stocked s -> "stock has " + s.available() + " available, " + s.reserved() + " reserved";
        };
    }
}
