package dev.ordo.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.examples.bank.AccountCommand.Close;
import dev.ordo.examples.bank.AccountCommand.Deposit;
import dev.ordo.examples.bank.AccountCommand.Open;
import dev.ordo.examples.bank.AccountCommand.Withdraw;
import dev.ordo.examples.bank.AccountEvent.AccountClosed;
import dev.ordo.examples.bank.AccountEvent.AccountOpened;
import dev.ordo.examples.bank.AccountEvent.MoneyDeposited;
import dev.ordo.examples.bank.AccountEvent.MoneyWithdrawn;
import dev.ordo.test.fixture.DeciderFixture;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountDeciderUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final AccountOpened OPENED = new AccountOpened("Ada", NOW);

    private final DeciderFixture<AccountCommand, Account, AccountEvent> account =
            DeciderFixture.of(AccountDecider.DECIDER);

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void anOpenAccountTakesDepositsAndWithdrawalsUpToItsBalance() {
        Account state = account.given(OPENED, new MoneyDeposited(euros("100.00"), "salary", NOW))
                .when(new Withdraw(euros("100.00"), NOW))
                .then(new MoneyWithdrawn(euros("100.00"), NOW));

        assertThat(state).isEqualTo(new Account.Open("Ada", euros("0.00")));
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedNamingTheRuleAndTheBalance() {
        account.given(OPENED, new MoneyDeposited(euros("10"), "cash", NOW))
                .when(new Withdraw(euros("10.01"), NOW))
                .thenRejects(AccountRuleViolation.class, "rule no-overdraft: cannot withdraw 10.01 from a balance of 10");
    }

    @Test
    void onlyPositiveAmountsMove() {
        account.given(OPENED).when(new Deposit(euros("0"), "cash", NOW))
                .thenRejects(AccountRuleViolation.class, "rule positive-amount");
        account.given(OPENED).when(new Withdraw(euros("-5"), NOW))
                .thenRejects(AccountRuleViolation.class, "rule positive-amount");
    }

    @Test
    void anAccountOpensOnceAndClosesOnlyWhenEmpty() {
        account.when(new Open("Ada", NOW)).then(OPENED);
        account.given(OPENED).when(new Open("Bob", NOW)).thenRejects(AccountRuleViolation.class, "rule open-once");
        account.given(OPENED, new MoneyDeposited(euros("1"), "cash", NOW)).when(new Close(NOW))
                .thenRejects(AccountRuleViolation.class, "rule close-when-empty: withdraw the balance of 1 first");
        account.given(OPENED).when(new Close(NOW)).then(new AccountClosed(NOW));
    }

    @Test
    void nothingMovesOnAnAccountThatIsNotOpen() {
        account.when(new Deposit(euros("5"), "cash", NOW))
                .thenRejects(AccountRuleViolation.class, "rule account-must-be-open");
        account.given(OPENED, new AccountClosed(NOW)).when(new Withdraw(euros("1"), NOW))
                .thenRejects(AccountRuleViolation.class, "account is Closed[owner=Ada]");
    }
}
