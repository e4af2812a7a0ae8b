package dev.ordo.marketplace.ordering;

import dev.ordo.marketplace.shared.RuleViolation;
import java.util.Map;

/**
 * An order command broke one of the {@link OrderRule}s; no event was decided.
 *
 * <p>The message names the rule and the order's status, for example {@code rule payment-amount-must-match-total:
 * payment of 10.00 EUR does not match the order total 12.50 EUR (order is PENDING)}.
 */
public final class OrderRuleViolation extends RuleViolation {

    private final OrderStatus status;

    /**
     * @param rule   the broken rule
     * @param status the order's status when the command arrived, or null when no order exists
     * @param detail what was wrong, in words a user can act on
     */
    public OrderRuleViolation(OrderRule rule, OrderStatus status, String detail) {
        super(rule.id(), "rule " + rule.id() + ": " + detail + " (" + describe(status) + ")");
        this.status = status;
    }

    /** The order's status when the command arrived, or {@code null} when there was no order. */
    public OrderStatus status() {
        return status;
    }

    /** The order's status as {@code currentStatus}, when there is an order. */
    @Override
    public Map<String, Object> details() {
        return status == null ? Map.of() : Map.of("currentStatus", status.name());
    }

    private static String describe(OrderStatus status) {
        return status == null ? "no order exists" : "order is " + status;
    }
}
