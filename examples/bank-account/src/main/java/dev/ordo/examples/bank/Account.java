package dev.ordo.examples.bank;

import java.math.BigDecimal;

/** The state of an account's stream: not opened yet, open with a balance, or closed. Immutable. */
public sealed interface Account {

    /** No event yet. */
    record NotOpened() implements Account {
    }

    /** Open; the balance is never negative. */
    record Open(String owner, BigDecimal balance) implements Account {
    }

    /** Closed for good, with nothing left in it. */
    record Closed(String owner) implements Account {
    }
}
