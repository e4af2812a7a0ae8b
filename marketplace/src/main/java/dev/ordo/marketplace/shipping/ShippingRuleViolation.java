package dev.ordo.marketplace.shipping;

import dev.ordo.marketplace.shared.RuleViolation;

/** A shipment command broke one of the {@link ShippingRule}s; the message names the rule and the shipment's state. */
public final class ShippingRuleViolation extends RuleViolation {

    public ShippingRuleViolation(ShippingRule rule, Shipment state, String detail) {
        super(rule.id(), "rule " + rule.id() + ": " + detail + " (" + switch (state) {
            case Shipment.None none -> "no shipment";
            case Shipment.Created created -> "shipment is booked with " + created.carrier();
            case Shipment.Cancelled cancelled -> "shipment is cancelled";
        } + ")");
    }
}
