package dev.ordo.marketplace.ordering.app;

import dev.ordo.marketplace.shared.RuleViolation;

/** A request for an order refused before it reached the order, for example because a product is not on sale. */
public final class OrderRequestRejected extends RuleViolation {

    public OrderRequestRejected(String rule, String detail) {
        super(rule, "rule " + rule + ": " + detail);
    }
}
