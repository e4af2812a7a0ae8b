package dev.ordo.kafka.consumer;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.jdbc.ProjectionContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read model of the tests' ledger events ({@code {"amount": n}}): per stream, how many events were applied and
 * their sum, so that an event applied twice or never shows. Events whose payload names a poisoned stream fail.
 */
class LedgerProjection implements JdbcProjection {

    private static final Pattern AMOUNT = Pattern.compile("\"amount\":(-?\\d+)");

    /** Streams whose events the projection refuses (a poison) until they are taken out again. */
    final Set<String> poisoned = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public java.util.List<String> tables() {
        return java.util.List.of("ledger_totals");
    }

    @Override
    public void createTables(ProjectionContext context) throws SQLException {
        try (Statement statement = context.connection().createStatement()) {
            statement.execute("CREATE TABLE " + context.table("ledger_totals")
                    + " (stream_id TEXT PRIMARY KEY, events BIGINT NOT NULL, amount BIGINT NOT NULL)");
        }
    }

    @Override
    public void apply(ProjectionContext context, RecordedEvent event) throws SQLException {
        if (poisoned.contains(event.streamId().value())) {
            throw new IllegalArgumentException("ledger event " + event.streamId() + " v" + event.streamVersion()
                    + " is refused");
        }
        Matcher amount = AMOUNT.matcher(event.payload());
        if (!amount.find()) {
            throw new IllegalArgumentException("no amount in " + event.payload());
        }
        context.update("INSERT INTO " + context.table("ledger_totals") + " (stream_id, events, amount) VALUES (?, 1, ?)"
                + " ON CONFLICT (stream_id) DO UPDATE SET events = " + context.table("ledger_totals")
                + ".events + 1, amount = " + context.table("ledger_totals") + ".amount + excluded.amount",
                event.streamId().value(), Long.parseLong(amount.group(1)));
    }

    /** Per stream: {events, amount}. */
    static Map<String, long[]> totals(OrdoDatabase database) throws SQLException {
        Map<String, long[]> totals = new HashMap<>();
        try (Connection connection = database.readDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT stream_id, events, amount FROM ledger_totals")) {
            while (rs.next()) {
                totals.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        return totals;
    }
}
