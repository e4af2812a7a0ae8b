package dev.ordo.jdbc;

import dev.ordo.core.store.EventReader;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link JdbcProjection}s as subscriptions, and rebuilds them without downtime.
 *
 * <p>On first start a projection's tables are created. When its {@link JdbcProjection#version()} differs from the
 * stored one, the live read model keeps serving (and keeps up with new events) while a rebuild replays the log from
 * the first event into shadow tables; once the shadow has caught up with the head, both stop, the shadow tables
 * replace the live ones in one transaction together with the checkpoint, and the live projection resumes from
 * there. A live projection handles poison events as its options' {@code PoisonPolicy} says; a rebuild always retries
 * a failing page (see {@code docs/adr/0010-dead-letters.md}). Thread-safe.
 */
public final class JdbcProjections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcProjections.class);
    private static final String REBUILD = "#rebuild";

    private final OrdoDatabase database;
    private final EventReader reader;
    private final Subscriptions subscriptions;
    private final JdbcCheckpointStore checkpoints;
    private final SubscriptionOptions options;
    private final Clock clock;
    private final Map<String, JdbcProjection> projections = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> rebuilds = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public JdbcProjections(OrdoDatabase database, EventReader reader, Subscriptions subscriptions,
                           SubscriptionOptions options) {
        this.database = database;
        this.reader = reader;
        this.subscriptions = subscriptions;
        this.checkpoints = JdbcCheckpointStore.create(database);
        this.options = options;
        this.clock = Clock.systemUTC();
    }

    /**
     * Starts a projection: creates its tables the first time, and starts a background rebuild when its version
     * changed since the read model was built.
     *
     * @throws IllegalStateException when a projection of that name is already started
     */
    public void start(JdbcProjection projection) {
        if (projections.putIfAbsent(projection.name(), projection) != null) {
            throw new IllegalStateException("projection '" + projection.name() + "' is already started");
        }
        Optional<Integer> built = inTransaction(connection -> storedVersion(connection, projection.name()));
        if (built.isEmpty()) {
            inTransaction(connection -> {
                projection.createTables(context(connection, identity(projection)));
                saveVersion(connection, projection);
                return null;
            });
        }
        startLive(projection);
        if (built.isPresent() && built.get() != projection.version()) {
            log.info("projection {} is at version {}, code is at version {}: rebuilding it in the background",
                    projection.name(), built.get(), projection.version());
            rebuild(projection.name());
        }
    }

    /** The live subscription of a projection. */
    public Optional<Subscription> subscription(String name) {
        return subscriptions.get(name);
    }

    /**
     * Rebuilds a started projection from the first event into shadow tables while the live read model keeps
     * serving, then swaps them in. Returns the running rebuild if one is already in progress.
     *
     * @return completes when the new read model is live
     * @throws IllegalArgumentException when no projection of that name was started
     */
    public CompletableFuture<Void> rebuild(String name) {
        JdbcProjection projection = projections.get(name);
        if (projection == null) {
            throw new IllegalArgumentException("no projection named '" + name + "' is started");
        }
        return rebuilds.computeIfAbsent(name, n -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread.ofVirtual().name("ordo-rebuild-" + n).start(() -> {
                try {
                    runRebuild(projection);
                    done.complete(null);
                } catch (Throwable e) {
                    log.error("rebuilding projection {} failed; the old read model stays live", n, e);
                    done.completeExceptionally(e);
                } finally {
                    rebuilds.remove(n);
                }
            });
            return done;
        });
    }

    private void runRebuild(JdbcProjection projection) throws InterruptedException {
        String name = projection.name();
        String shadowName = name + REBUILD;
        String suffix = "__r" + Long.toString(clock.millis(), 36);
        Map<String, String> shadow = new LinkedHashMap<>();
        projection.tables().forEach(table -> shadow.put(table, table + suffix));
        inTransaction(connection -> {
            dropLeftoverShadows(connection, projection);
            projection.createTables(context(connection, shadow));
            checkpoints.write(connection, "reset_checkpoint", shadowName, 0);
            return null;
        });
        // a rebuild never parks: its letters would outlive the shadow tables; a poison event stalls only the rebuild
        subscriptions.start(shadowName, new ProjectionConsumer(database, checkpoints, projection, shadowName, shadow),
                options.withFilter(projection.filter()).withRetryForever());
        try {
            Subscription rebuilding = subscriptions.get(shadowName).orElseThrow();
            while (!rebuilding.awaitPosition(reader.headPosition(), Duration.ofSeconds(1))) {
                if (closed) {
                    throw new InterruptedException("closed while rebuilding " + name);
                }
            }
            subscriptions.stop(name);
            subscriptions.stop(shadowName);
            inTransaction(connection -> {
                swap(connection, projection, shadow, shadowName);
                return null;
            });
            log.info("projection {} rebuilt to version {} and swapped in", name, projection.version());
        } catch (RuntimeException | InterruptedException e) {
            subscriptions.stop(shadowName);
            inTransaction(connection -> {
                dropLeftoverShadows(connection, projection);
                checkpoints.delete(connection, shadowName);
                return null;
            });
            throw e;
        } finally {
            if (subscriptions.get(name).isEmpty() && !closed) {
                startLive(projection);
            }
        }
    }

    private void swap(Connection connection, JdbcProjection projection, Map<String, String> shadow, String shadowName)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : shadow.entrySet()) {
                statement.execute("DROP TABLE IF EXISTS " + table.getKey());
                statement.execute("ALTER TABLE " + table.getValue() + " RENAME TO " + table.getKey());
            }
        }
        checkpoints.write(connection, "reset_checkpoint", projection.name(), checkpoints.load(connection, shadowName));
        checkpoints.delete(connection, shadowName);
        saveVersion(connection, projection);
    }

    private void dropLeftoverShadows(Connection connection, JdbcProjection projection) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(database.dialect().sql.get("list_tables_like"))) {
            for (String table : projection.tables()) {
                select.setString(1, table.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "\\_\\_r%");
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        leftovers.add(rs.getString(1));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : leftovers) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private void startLive(JdbcProjection projection) {
        subscriptions.start(projection.name(), new ProjectionConsumer(database, checkpoints, projection,
                projection.name(), identity(projection)), options.withFilter(projection.filter()));
    }

    private static Map<String, String> identity(JdbcProjection projection) {
        Map<String, String> names = new LinkedHashMap<>();
        projection.tables().forEach(table -> names.put(table, table));
        return names;
    }

    private ProjectionContext context(Connection connection, Map<String, String> tables) {
        return new ProjectionContext(connection, database, tables);
    }

    private Optional<Integer> storedVersion(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(database.dialect().sql.get("load_projection"))) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    private void saveVersion(Connection connection, JdbcProjection projection) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(database.dialect().sql.get("save_projection"))) {
            upsert.setString(1, projection.name());
            upsert.setInt(2, projection.version());
            database.dialect().bindInstant(upsert, 3, Dialect.truncateToMicros(clock.instant()));
            upsert.executeUpdate();
        }
    }

    private <T> T inTransaction(OrdoDatabase.TransactionWork<T> work) {
        return database.inDerivedTransaction(work);
    }

    /** Stops rebuilds and every projection's subscription. */
    @Override
    public void close() {
        closed = true;
        for (String name : List.copyOf(projections.keySet())) {
            subscriptions.stop(name + REBUILD);
            subscriptions.stop(name);
        }
    }
}
