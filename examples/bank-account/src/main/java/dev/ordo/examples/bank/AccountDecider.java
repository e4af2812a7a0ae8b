package dev.ordo.examples.bank;

import dev.ordo.core.decider.Decider;
import dev.ordo.examples.bank.Account.Closed;
import dev.ordo.examples.bank.Account.NotOpened;
import dev.ordo.examples.bank.Account.Open;
import dev.ordo.examples.bank.AccountCommand.Close;
import dev.ordo.examples.bank.AccountCommand.Deposit;
import dev.ordo.examples.bank.AccountCommand.Withdraw;
import dev.ordo.examples.bank.AccountEvent.AccountClosed;
import dev.ordo.examples.bank.AccountEvent.AccountOpened;
import dev.ordo.examples.bank.AccountEvent.MoneyDeposited;
import dev.ordo.examples.bank.AccountEvent.MoneyWithdrawn;
import java.math.BigDecimal;
import java.util.List;

/**
 * The account's rules: open once; deposits and withdrawals of positive amounts on an open account only; no
 * overdraft; close only when empty. Pure: no clock, no I/O.
 */
public final class AccountDecider {

    /** The decider, for a command handler or a fixture. */
    public static final Decider<AccountCommand, Account, AccountEvent> DECIDER = Decider.of(NotOpened::new,
            AccountDecider::decide, AccountDecider::evolve);

    private AccountDecider() {
    }

    static List<AccountEvent> decide(AccountCommand command, Account state) {
        return switch (command) {
            case AccountCommand.Open open -> switch (state) {
                case NotOpened none -> List.of(new AccountOpened(open.owner(), open.at()));
                case Open o -> throw new AccountRuleViolation("open-once", state, "the account is already open");
                case Closed c -> throw new AccountRuleViolation("open-once", state, "a closed account stays closed");
            };
            case Deposit deposit -> {
                open(state, "deposit");
                positive(deposit.amount(), state);
                yield List.of(new MoneyDeposited(deposit.amount(), deposit.source(), deposit.at()));
            }
            case Withdraw withdraw -> {
                Open open = open(state, "withdraw");
                positive(withdraw.amount(), state);
                if (withdraw.amount().compareTo(open.balance()) > 0) {
                    throw new AccountRuleViolation("no-overdraft", state, "cannot withdraw " + withdraw.amount()
                            + " from a balance of " + open.balance());
                }
                yield List.of(new MoneyWithdrawn(withdraw.amount(), withdraw.at()));
            }
            case Close close -> {
                Open open = open(state, "close");
                if (open.balance().signum() != 0) {
                    throw new AccountRuleViolation("close-when-empty", state, "withdraw the balance of "
                            + open.balance() + " first");
                }
                yield List.of(new AccountClosed(close.at()));
            }
        };
    }

    static Account evolve(Account state, AccountEvent event) {
        return switch (event) {
            case AccountOpened opened -> new Open(opened.owner(), BigDecimal.ZERO);
            case MoneyDeposited deposited -> {
                Open open = (Open) state;
                yield new Open(open.owner(), open.balance().add(deposited.amount()));
            }
            case MoneyWithdrawn withdrawn -> {
                Open open = (Open) state;
                yield new Open(open.owner(), open.balance().subtract(withdrawn.amount()));
            }
            case AccountClosed closed -> new Closed(((Open) state).owner());
        };
    }

    private static Open open(Account state, String what) {
        if (state instanceof Open open) {
            return open;
        }
        throw new AccountRuleViolation("account-must-be-open", state, "cannot " + what + " on an account that is "
                + "not open");
    }

    private static void positive(BigDecimal amount, Account state) {
        if (amount == null || amount.signum() <= 0) {
            throw new AccountRuleViolation("positive-amount", state, "the amount must be positive, was " + amount);
        }
    }
}
