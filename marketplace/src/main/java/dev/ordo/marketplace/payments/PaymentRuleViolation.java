package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.RuleViolation;
import java.util.Map;

/**
 * A payment command broke one of the {@link PaymentRule}s; no event was decided. The message names the rule and the
 * payment's status, for example {@code rule payment-not-authorized: payment p-1 cannot be captured (payment is
 * DECLINED)}.
 */
public final class PaymentRuleViolation extends RuleViolation {

    private final PaymentStatus status;

    public PaymentRuleViolation(PaymentRule rule, PaymentStatus status, String detail) {
        super(rule.id(), "rule " + rule.id() + ": " + detail + " ("
                + (status == null ? "no such payment" : "payment is " + status) + ")");
        this.status = status;
    }

    @Override
    public Map<String, Object> details() {
        return status == null ? Map.of() : Map.of("currentStatus", status.name());
    }
}
