package dev.ordo.examples.bank;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.examples.bank.AccountEvent.AccountClosed;
import dev.ordo.examples.bank.AccountEvent.AccountOpened;
import dev.ordo.examples.bank.AccountEvent.MoneyDeposited;
import dev.ordo.examples.bank.AccountEvent.MoneyWithdrawn;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.ProjectionContext;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The balance of every account, as a table ({@value #TABLE}: account id, owner, balance, open), fed from the log
 * exactly once per event (rows and checkpoint in one transaction).
 */
final class BalancesProjection implements JdbcProjection {

    static final String TABLE = "account_balances";

    private final EventSerializer serializer;

    BalancesProjection(EventSerializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public String name() {
        return "account-balances";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @Override
    public EventFilter filter() {
        return EventFilter.categories("account");
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + context.table(TABLE) + " (account_id TEXT PRIMARY KEY, owner TEXT "
                    + "NOT NULL, balance TEXT NOT NULL, open INTEGER NOT NULL)");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent recorded) throws SQLException {
        String account = recorded.streamId().value().substring("account-".length());
        String table = context.table(TABLE);
        switch ((AccountEvent) serializer.deserialize(recorded)) {
            case AccountOpened opened -> context.update("INSERT INTO " + table
                    + " (account_id, owner, balance, open) VALUES (?, ?, '0', 1)", account, opened.owner());
            case MoneyDeposited deposited -> context.update("UPDATE " + table
                    + " SET balance = ? WHERE account_id = ?", balance(context, table, account)
                    .add(deposited.amount()).toPlainString(), account);
            case MoneyWithdrawn withdrawn -> context.update("UPDATE " + table
                    + " SET balance = ? WHERE account_id = ?", balance(context, table, account)
                    .subtract(withdrawn.amount()).toPlainString(), account);
            case AccountClosed closed -> context.update("UPDATE " + table + " SET open = 0 WHERE account_id = ?",
                    account);
        }
    }

    private static BigDecimal balance(ProjectionContext context, String table, String account)
            throws SQLException {
        return context.withStatement("SELECT balance FROM " + table + " WHERE account_id = ?", statement -> {
            statement.setString(1, account);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new BigDecimal(rows.getString(1));
            }
        });
    }
}
