package dev.ordo.examples.bank;

/** A command broke one of the account's rules; the message names the rule and the account's state. */
public final class AccountRuleViolation extends RuntimeException {

    private final String rule;
    private final transient Account state;

    public AccountRuleViolation(String rule, Account state, String detail) {
        super("rule " + rule + ": " + detail + " (account is " + state + ")");
        this.rule = rule;
        this.state = state;
    }

    /** The rule, for example {@code no-overdraft}. */
    public String rule() {
        return rule;
    }

    /** The state the command was refused in. */
    public Account state() {
        return state;
    }
}
