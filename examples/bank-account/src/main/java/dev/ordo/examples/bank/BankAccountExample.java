package dev.ordo.examples.bank;

import dev.ordo.core.command.CommandResult;
import dev.ordo.examples.bank.AccountCommand.Deposit;
import dev.ordo.examples.bank.AccountCommand.Open;
import dev.ordo.examples.bank.AccountCommand.Withdraw;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens an account in a SQLite file, moves money, tries an overdraft, looks back in time and reads the balance from
 * the read model. Run it with {@code ./mvnw -q -pl examples/bank-account exec:java} after an install (see the
 * README); the optional argument is the database file ({@code data/bank.db}).
 */
public final class BankAccountExample {

    private static final Logger log = LoggerFactory.getLogger(BankAccountExample.class);

    private BankAccountExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args.length > 0 ? args[0] : "data/bank.db");
        try (Bank bank = Bank.open(file)) {
            UUID account = UUID.randomUUID();
            bank.handle(account, new Open("Ada", Instant.now()));
            bank.handle(account, new Deposit(new BigDecimal("100.00"), "salary", Instant.now()));
            CommandResult<Account, AccountEvent> last = bank.handle(account,
                    new Withdraw(new BigDecimal("30.50"), Instant.now()));
            log.info("account {} in {}: {}", account, file.toAbsolutePath(), last.state());
            try {
                bank.handle(account, new Withdraw(new BigDecimal("1000"), Instant.now()));
            } catch (AccountRuleViolation refused) {
                log.info("refused: {}", refused.getMessage());
            }
            log.info("right after the deposit (version 2): {}", bank.accountAt(account, 2).orElseThrow().state());
            bank.awaitBalances(last.appended().orElseThrow().lastPosition(), Duration.ofSeconds(10));
            log.info("balance in the read model: {}", bank.balance(account).orElseThrow());
        }
    }
}
