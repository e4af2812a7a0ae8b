package dev.ordo.jdbc;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterAction;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.DeadLetterTransitions;
import dev.ordo.core.deadletter.DeadLetterTransitions.Change;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Failure;
import dev.ordo.core.deadletter.Origin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link DeadLetterStore} in the tables {@code ordo_dead_letters} and {@code ordo_dead_letter_actions}. Each
 * change is one transaction that locks the letter's row (on SQLite, the database's write lock), applies
 * {@link DeadLetterTransitions} and appends the actions, so concurrent changes of one letter never lose an update.
 * Storage errors are thrown as {@code EventStoreUnavailableException}. Thread-safe.
 */
public final class JdbcDeadLetterStore implements DeadLetterStore {

    private final OrdoDatabase database;
    private final Dialect dialect;
    private final DeadLetterRows rows;
    private final Clock clock;

    private JdbcDeadLetterStore(OrdoDatabase database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.dialect = database.dialect();
        this.rows = new DeadLetterRows(dialect);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A store on the system clock. */
    public static JdbcDeadLetterStore create(OrdoDatabase database) {
        return create(database, Clock.systemUTC());
    }

    /** A store whose times come from {@code clock}. */
    public static JdbcDeadLetterStore create(OrdoDatabase database, Clock clock) {
        return new JdbcDeadLetterStore(database, clock);
    }

    @Override
    public DeadLetter recordFailure(Origin origin, String key, FailedMessage message, Failure failure,
                                    DeadLetterPolicy policy) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(policy, "policy");
        return byMessage("record a failure of", origin, message, (current, now) -> DeadLetterTransitions.recordFailure(
                current, UUID.randomUUID(), origin, key, message, failure, policy, now));
    }

    @Override
    public DeadLetter hold(Origin origin, String key, FailedMessage message, String reason) {
        return byMessage("hold back", origin, message, (current, now) -> DeadLetterTransitions.hold(current,
                UUID.randomUUID(), origin, key, message, reason, now));
    }

    @Override
    public Optional<DeadLetter> get(UUID id) {
        return read("read dead letter " + id, "dead_letter_get", statement -> dialect.bindUuid(statement, 1, id))
                .stream().findFirst();
    }

    @Override
    public Optional<DeadLetter> find(Origin origin, String messageId) {
        return read("find the dead letter of " + messageId, "dead_letter_find", statement -> {
            statement.setString(1, origin.kind());
            statement.setString(2, origin.name());
            statement.setString(3, messageId);
        }).stream().findFirst();
    }

    @Override
    public List<DeadLetter> list(DeadLetterQuery query) {
        return read("list dead letters", "dead_letter_list", statement -> {
            Origin origin = query.origin();
            statement.setString(1, origin == null ? null : origin.kind());
            statement.setString(2, origin == null ? null : origin.kind());
            statement.setString(3, origin == null ? null : origin.name());
            statement.setString(4, query.status() == null ? null : query.status().name());
            statement.setString(5, query.status() == null ? null : query.status().name());
            statement.setInt(6, query.limit());
            statement.setLong(7, query.offset());
        });
    }

    @Override
    public Map<Origin, Long> countByOrigin(DeadLetterStatus status) {
        Objects.requireNonNull(status, "status");
        try (Connection connection = database.readDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(dialect.sql.get("dead_letter_count_by_origin"))) {
            select.setString(1, status.name());
            Map<Origin, Long> counts = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(Origin.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
                }
            }
            return Map.copyOf(counts);
        } catch (SQLException e) {
            throw SqlErrors.io("count the " + status + " dead letters", e);
        }
    }

    @Override
    public List<DeadLetter> dueForRetry(Origin origin, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        Instant now = now();
        return read("find due dead letters of " + origin, "dead_letter_due", statement -> {
            statement.setString(1, origin.kind());
            statement.setString(2, origin.name());
            dialect.bindInstant(statement, 3, now);
            statement.setInt(4, limit);
        });
    }

    @Override
    public DeadLetter resolve(UUID id, String actor, String note) {
        return byId("resolve", id, (current, now) -> DeadLetterTransitions.resolve(current, actor, note, now));
    }

    @Override
    public DeadLetter park(UUID id, String actor, String note) {
        return byId("park", id, (current, now) -> DeadLetterTransitions.park(current, actor, note, now));
    }

    @Override
    public DeadLetter redrive(UUID id, String actor, String note) {
        return byId("redrive", id, (current, now) -> DeadLetterTransitions.redrive(current, actor, note, now));
    }

    @Override
    public int redriveAll(Origin origin, String actor, String note) {
        Objects.requireNonNull(origin, "origin");
        return inTransaction("redrive the dead letters of " + origin, connection -> {
            List<DeadLetter> parked = query(connection, "dead_letter_lock_parked", statement -> {
                statement.setString(1, origin.kind());
                statement.setString(2, origin.name());
            });
            Instant now = now();
            for (DeadLetter letter : parked) {
                write(connection, false, DeadLetterTransitions.redrive(letter, actor, note, now));
            }
            return parked.size();
        });
    }

    @Override
    public DeadLetter discard(UUID id, String actor, String note) {
        return byId("discard", id, (current, now) -> DeadLetterTransitions.discard(current, actor, note, now));
    }

    @Override
    public List<DeadLetterAction> history(UUID id) {
        try (Connection connection = database.readDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(dialect.sql.get("dead_letter_history"))) {
            dialect.bindUuid(select, 1, id);
            List<DeadLetterAction> actions = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    actions.add(rows.readAction(rs));
                }
            }
            return actions;
        } catch (SQLException e) {
            throw SqlErrors.io("read the history of dead letter " + id, e);
        }
    }

    /** True when the letters are kept in that database, so that a change of them can join its transactions. */
    boolean keepsLettersIn(OrdoDatabase other) {
        return database == other;
    }

    /**
     * Resolves, inside the caller's transaction on this store's database, every open letter of an origin whose
     * message is at or before a position of the log.
     *
     * @return the letters resolved
     */
    int resolveUpTo(Connection connection, Origin origin, long position, String actor, String note)
            throws SQLException {
        List<DeadLetter> open = query(connection, "dead_letter_lock_open_up_to", statement -> {
            statement.setString(1, origin.kind());
            statement.setString(2, origin.name());
            statement.setLong(3, position);
        });
        Instant now = now();
        for (DeadLetter letter : open) {
            write(connection, false, DeadLetterTransitions.resolve(letter, actor, note, now));
        }
        return open.size();
    }

    private interface Transition {
        Change apply(DeadLetter current, Instant now);
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private DeadLetter byMessage(String what, Origin origin, FailedMessage message, Transition transition) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        return inTransaction(what + " message " + message.id() + " of " + origin, connection -> {
            // a writer that opens the same letter concurrently makes the insert do nothing: then lock the row it wrote
            for (int attempt = 1; attempt <= 2; attempt++) {
                DeadLetter current = query(connection, "dead_letter_lock_by_message", statement -> {
                    statement.setString(1, origin.kind());
                    statement.setString(2, origin.name());
                    statement.setString(3, message.id());
                }).stream().findFirst().orElse(null);
                Change change = transition.apply(current, now());
                if (write(connection, current == null, change)) {
                    return change.letter();
                }
            }
            throw new SQLException("the dead letter of message " + message.id() + " was neither insertable nor found");
        });
    }

    private DeadLetter byId(String action, UUID id, Transition transition) {
        Objects.requireNonNull(id, "id");
        return inTransaction(action + " dead letter " + id, connection -> {
            DeadLetter current = query(connection, "dead_letter_lock_by_id",
                    statement -> dialect.bindUuid(statement, 1, id)).stream().findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no dead letter with id " + id));
            Change change = transition.apply(current, now());
            write(connection, false, change);
            return change.letter();
        });
    }

    /** Writes a change; false when a new letter's insert found the letter already there. */
    private boolean write(Connection connection, boolean insert, Change change) throws SQLException {
        if (!change.changed()) {
            return true;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                dialect.sql.get(insert ? "dead_letter_insert" : "dead_letter_update"))) {
            if (insert) {
                rows.bindInsert(statement, change.letter());
            } else {
                rows.bindUpdate(statement, change.letter());
            }
            if (statement.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(dialect.sql.get("dead_letter_insert_action"))) {
            for (DeadLetterAction action : change.actions()) {
                rows.bindAction(statement, action);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return true;
    }

    private List<DeadLetter> read(String what, String statementName, Binder binder) {
        try (Connection connection = database.readDataSource().getConnection()) {
            return query(connection, statementName, binder);
        } catch (SQLException e) {
            throw SqlErrors.io(what, e);
        }
    }

    private List<DeadLetter> query(Connection connection, String statementName, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.sql.get(statementName))) {
            binder.bind(statement);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    letters.add(rows.read(rs));
                }
            }
            return letters;
        }
    }

    private <T> T inTransaction(String what, OrdoDatabase.TransactionWork<T> work) {
        try {
            return database.transaction(OrdoDatabase.Writes.DURABLE, work);
        } catch (SQLException e) {
            throw SqlErrors.io(what, e);
        }
    }

    private Instant now() {
        return Dialect.truncateToMicros(clock.instant());
    }
}
