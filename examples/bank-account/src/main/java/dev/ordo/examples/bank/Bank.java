package dev.ordo.examples.bank;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ordo.core.bus.command.StreamNaming;
import dev.ordo.core.bus.command.Streams;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.jackson.JsonUpcaster;
import dev.ordo.jackson.OrdoJson;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcProjections;
import dev.ordo.jdbc.JdbcSnapshotStore;
import dev.ordo.jdbc.OrdoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The bank on Ordo's public API: accounts decided by {@link AccountDecider} on their streams ({@code account-<id>}) in
 * a SQLite file, a snapshot every 10 events, deposits stored before version 2 read through an upcaster, and the
 * balances read model fed from the log. Thread-safe; {@link #close()} stops the read model and closes the database.
 */
public final class Bank implements AutoCloseable {

    /** Snapshots are taken every this many events. */
    static final int SNAPSHOT_EVERY = 10;

    /** Each account, on {@code account-<id>}. */
    static final StreamNaming<UUID, AccountCommand> ACCOUNTS = StreamNaming.of("account");

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "state")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Account.NotOpened.class, name = "not-opened"),
            @JsonSubTypes.Type(value = Account.Open.class, name = "open"),
            @JsonSubTypes.Type(value = Account.Closed.class, name = "closed")})
    abstract static class AccountMixin {
    }

    private final OrdoDatabase database;
    private final JdbcEventStore store;
    private final Streams<UUID, AccountCommand, Account, AccountEvent> accounts;
    private final Subscriptions subscriptions;
    private final JdbcProjections projections;

    private Bank(OrdoDatabase database) {
        this.database = database;
        this.store = JdbcEventStore.create(database);
        EventSerializer serializer = serializer();
        this.accounts = new Streams<>(ACCOUNTS, CommandHandler
                .builder(AccountDecider.DECIDER, AccountEvent.class, store, serializer)
                .snapshots(JdbcSnapshotStore.create(database), JacksonStateCodec.of(OrdoJson.builder()
                        .addMixIn(Account.class, AccountMixin.class).build(), Account.class, 1),
                        SnapshotPolicy.everyNEvents(SNAPSHOT_EVERY))
                .build());
        HeadSignal signal = new HeadSignal();
        store.onCommit(signal::advance);
        this.subscriptions = new Subscriptions(store, signal, new SimpleMeterRegistry(), Clock.systemUTC());
        this.projections = new JdbcProjections(database, store, subscriptions, SubscriptionOptions.defaults());
        projections.start(new BalancesProjection(serializer));
    }

    /** Opens (creating if needed) the bank in a SQLite file. */
    public static Bank open(Path file) {
        return new Bank(OrdoDatabase.sqlite(file));
    }

    /**
     * The events' codec: version 1 of {@code account.money-deposited} had no {@code source}; it is read as
     * {@code "unknown"}.
     */
    static EventSerializer serializer() {
        return JacksonEventSerializer.builder(EventTypeRegistry.builder().registerSealed(AccountEvent.class).build())
                .upcaster(JsonUpcaster.of("account.money-deposited", 1, json -> json.put("source", "unknown")))
                .build();
    }

    /** The stream of an account. */
    public static StreamId stream(UUID accountId) {
        return ACCOUNTS.stream(accountId);
    }

    /**
     * Decides the command on the account's current state and appends what it decided.
     *
     * @throws AccountRuleViolation when the command breaks a rule; nothing is written
     */
    public CommandResult<Account, AccountEvent> handle(UUID accountId, AccountCommand command) {
        return accounts.handle(accountId, command, EventMetadata.empty());
    }

    /** The account as it is now. */
    public Loaded<Account> account(UUID accountId) {
        return accounts.load(accountId);
    }

    /** Time travel: the account right after the event with the given version; empty when it never got there. */
    public Optional<Loaded<Account>> accountAt(UUID accountId, long version) {
        return accounts.loadAt(accountId, version);
    }

    /** The balance as the read model has it (eventually consistent); empty for an account it does not know. */
    public Optional<BigDecimal> balance(UUID accountId) {
        try (Connection connection = database.readDataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT balance FROM "
                     + BalancesProjection.TABLE + " WHERE account_id = ?")) {
            query.setString(1, accountId.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new BigDecimal(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the balances", e);
        }
    }

    /** Waits until the read model has applied every event up to the global position. */
    public boolean awaitBalances(long position, Duration timeout) throws InterruptedException {
        return projections.subscription("account-balances").orElseThrow().awaitPosition(position, timeout);
    }

    /** The store, for a look at the raw events. */
    public JdbcEventStore store() {
        return store;
    }

    @Override
    public void close() {
        projections.close();
        subscriptions.close();
        store.close();
        database.close();
    }
}
