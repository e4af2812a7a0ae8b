package dev.ordo.marketplace.shared;

import java.util.Map;
import java.util.Objects;

/**
 * A command broke a domain rule; nothing was changed.
 *
 * <p>Every bounded context throws its own subclass. {@link #rule()} is a stable kebab-case id (such as
 * {@code payment-amount-must-match-total}) that clients and the HTTP layer may rely on; the message names the rule
 * and the state the aggregate was in, so a user can act on it.
 */
public abstract class RuleViolation extends RuntimeException {

    private final String rule;

    /**
     * @param rule    the stable rule id
     * @param message the full message, naming the rule and the current state
     */
    protected RuleViolation(String rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** The stable kebab-case id of the broken rule. */
    public String rule() {
        return rule;
    }

    /**
     * What else a caller should know, such as the current status, as names and values for an error response; empty
     * unless a subclass adds some.
     */
    public Map<String, Object> details() {
        return Map.of();
    }
}
