package dev.ordo.examples.bank;

import java.math.BigDecimal;
import java.time.Instant;

/** What a customer or a clerk asks of an account. Time comes in the command: the decider reads no clock. */
public sealed interface AccountCommand {

    /** Opens the account for its owner. */
    record Open(String owner, Instant at) implements AccountCommand {
    }

    /** Puts money in; {@code source} says where it came from (a transfer, cash at the counter). */
    record Deposit(BigDecimal amount, String source, Instant at) implements AccountCommand {
    }

    /** Takes money out; never more than the balance (no overdraft). */
    record Withdraw(BigDecimal amount, Instant at) implements AccountCommand {
    }

    /** Closes the account; only once it is empty. */
    record Close(Instant at) implements AccountCommand {
    }
}
