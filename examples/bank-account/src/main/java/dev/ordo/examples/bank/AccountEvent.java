package dev.ordo.examples.bank;

import dev.ordo.core.event.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/** What happened to an account, as its stream keeps it. The stored names never change; the classes may. */
public sealed interface AccountEvent {

    @EventType("account.opened")
    record AccountOpened(String owner, Instant at) implements AccountEvent {
    }

    /**
     * Version 2 added {@code source}; deposits stored as version 1 are read with source {@code "unknown"} (see
     * {@link Bank#serializer}).
     */
    @EventType(value = "account.money-deposited", version = 2)
    record MoneyDeposited(BigDecimal amount, String source, Instant at) implements AccountEvent {
    }

    @EventType("account.money-withdrawn")
    record MoneyWithdrawn(BigDecimal amount, Instant at) implements AccountEvent {
    }

    @EventType("account.closed")
    record AccountClosed(Instant at) implements AccountEvent {
    }
}
