package dev.ordo.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.command.CommandResult;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.examples.bank.AccountCommand.Deposit;
import dev.ordo.examples.bank.AccountCommand.Open;
import dev.ordo.examples.bank.AccountCommand.Withdraw;
import dev.ordo.examples.bank.AccountEvent.MoneyDeposited;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bank on a real SQLite file: commands, the read model, time travel, snapshots, an old event, a restart. */
class BankIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    Path folder;

    private Path file() {
        return folder.resolve("bank.db");
    }

    private static CommandResult<Account, AccountEvent> deposit(Bank bank, UUID account, String amount) {
        return bank.handle(account, new Deposit(new BigDecimal(amount), "cash", NOW));
    }

    @Test
    void moneyMovesOnTheStreamAndTheBalancesReadModelFollows() throws InterruptedException {
        UUID account = UUID.randomUUID();
        try (Bank bank = Bank.open(file())) {
            bank.handle(account, new Open("Ada", NOW));
            deposit(bank, account, "100.00");
            CommandResult<Account, AccountEvent> last = bank.handle(account,
                    new Withdraw(new BigDecimal("30.50"), NOW));

            assertThat(last.state()).isEqualTo(new Account.Open("Ada", new BigDecimal("69.50")));
            assertThat(last.version()).isEqualTo(3);
            assertThat(bank.awaitBalances(last.appended().orElseThrow().lastPosition(), WAIT)).isTrue();
            assertThat(bank.balance(account)).contains(new BigDecimal("69.50"));
        }
    }

    @Test
    void anOverdraftIsRefusedAndNothingIsWritten() {
        UUID account = UUID.randomUUID();
        try (Bank bank = Bank.open(file())) {
            bank.handle(account, new Open("Ada", NOW));
            deposit(bank, account, "10");

            assertThatThrownBy(() -> bank.handle(account, new Withdraw(new BigDecimal("11"), NOW)))
                    .isInstanceOf(AccountRuleViolation.class).hasMessageContaining("rule no-overdraft");
            assertThat(bank.account(account).version()).isEqualTo(2);
        }
    }

    @Test
    void theAccountCanBeSeenAsItWasAfterAnyOfItsEvents() {
        UUID account = UUID.randomUUID();
        try (Bank bank = Bank.open(file())) {
            bank.handle(account, new Open("Ada", NOW));
            deposit(bank, account, "100");
            bank.handle(account, new Withdraw(new BigDecimal("40"), NOW));

            assertThat(bank.accountAt(account, 1).orElseThrow().state()).isEqualTo(new Account.Open("Ada",
                    BigDecimal.ZERO));
            assertThat(bank.accountAt(account, 2).orElseThrow().state()).isEqualTo(new Account.Open("Ada",
                    new BigDecimal("100")));
            assertThat(bank.accountAt(account, 4)).isEmpty();
        }
    }

    @Test
    void aLongHistoryIsLoadedFromASnapshotAndTheEventsAfterIt() {
        UUID account = UUID.randomUUID();
        try (Bank bank = Bank.open(file())) {
            bank.handle(account, new Open("Ada", NOW));
            for (int i = 0; i < 3 * Bank.SNAPSHOT_EVERY; i++) {
                deposit(bank, account, "1");
            }

            Loaded<Account> loaded = bank.account(account);

            assertThat(loaded.state()).isEqualTo(new Account.Open("Ada", new BigDecimal("30")));
            assertThat(loaded.fromSnapshot()).isTrue();
            assertThat(loaded.eventsRead()).isLessThan(Bank.SNAPSHOT_EVERY);
        }
    }

    @Test
    void aDepositStoredBeforeItHadASourceIsReadWithAnUnknownSource() throws InterruptedException {
        UUID account = UUID.randomUUID();
        try (Bank bank = Bank.open(file())) {
            bank.handle(account, new Open("Ada", NOW));
            bank.store().append(Bank.stream(account), ExpectedVersion.exact(1), List.of(new EventData(
                    UUID.randomUUID(), "account.money-deposited", 1, "{\"amount\":25.00,\"at\":\"" + NOW + "\"}",
                    EventMetadata.empty())));

            CommandResult<Account, AccountEvent> after = deposit(bank, account, "5");

            assertThat(after.state()).isEqualTo(new Account.Open("Ada", new BigDecimal("30.00")));
            RecordedEvent old = bank.store().readStreamForwards(Bank.stream(account), 2, 1).getFirst();
            assertThat(Bank.serializer().deserialize(old)).isEqualTo(new MoneyDeposited(new BigDecimal("25.00"),
                    "unknown", NOW));
            assertThat(bank.awaitBalances(after.appended().orElseThrow().lastPosition(), WAIT)).isTrue();
            assertThat(bank.balance(account)).contains(new BigDecimal("30.00"));
        }
    }

    @Test
    void aReopenedBankHasEveryAccountAndBalanceItHadWhenItClosed() throws InterruptedException {
        UUID account = UUID.randomUUID();
        long position;
        try (Bank bank = Bank.open(file())) {
            bank.handle(account, new Open("Ada", NOW));
            position = deposit(bank, account, "12.34").appended().orElseThrow().lastPosition();
            assertThat(bank.awaitBalances(position, WAIT)).isTrue();
        }

        try (Bank reopened = Bank.open(file())) {
            assertThat(reopened.account(account).state()).isEqualTo(new Account.Open("Ada", new BigDecimal("12.34")));
            assertThat(reopened.awaitBalances(position, WAIT)).isTrue();
            assertThat(reopened.balance(account)).contains(new BigDecimal("12.34"));
        }
    }

    @Test
    void theExampleRunsFromItsMainOnAFileOfItsOwn() throws InterruptedException {
        Path own = folder.resolve("example").resolve("bank.db");

        BankAccountExample.main(new String[] {own.toString()});

        assertThat(own).exists();
    }
}
