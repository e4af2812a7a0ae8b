package dev.ordo.jdbc;

import dev.ordo.core.store.EventReader;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link JdbcProjection}s as subscriptions, and rebuilds them without downtime.
 *
 * <p>On first start a projection's tables are created. When its {@link JdbcProjection#version()} differs from the
 * stored one, the old read model keeps serving queries but is not fed (the new code never writes to the old tables)
 * while a rebuild replays the log from the first event into shadow tables; once the shadow has caught up with the
 * head, the shadow tables replace the old ones in one transaction together with the checkpoint and the version, and
 * the live projection starts from there. Such a rebuild is retried with backoff until it succeeds. A rebuild asked for
 * with {@link #rebuild(String)} keeps the live projection running until the swap. Either way the swap resolves the
 * live projection's open dead letters whose events the rebuilt model applied, so that none keeps a stream blocked or
 * applies its event a second time (see {@link ProjectionRebuild}). A live projection handles poison events as its
 * options' {@code PoisonPolicy} says; a rebuild always retries a failing page (see
 * {@code docs/adr/0010-dead-letters.md}). Thread-safe.
 */
public final class JdbcProjections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcProjections.class);

    private final OrdoDatabase database;
    private final EventReader reader;
    private final Subscriptions subscriptions;
    private final JdbcCheckpointStore checkpoints;
    private final SubscriptionOptions options;
    private final Clock clock;
    private final Map<String, JdbcProjection> projections = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> rebuilds = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

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
     * Starts a projection: creates its tables the first time; when its version changed since the read model was
     * built, starts a background rebuild instead of the live subscription, which starts after the swap.
     *
     * @throws IllegalStateException          when a projection of that name is already started
     * @throws dev.ordo.core.store.EventStoreUnavailableException when the database fails
     */
    public void start(JdbcProjection projection) {
        if (projections.putIfAbsent(projection.name(), projection) != null) {
            throw new IllegalStateException("projection '" + projection.name() + "' is already started");
        }
        Optional<Integer> built = storedVersion(projection.name());
        if (built.isEmpty()) {
            database.inTransaction(OrdoDatabase.Writes.DERIVED, connection -> {
                projection.createTables(new ProjectionContext(connection, database, identity(projection)));
                saveVersion(database, connection, projection, clock);
                return null;
            });
        }
        if (built.isPresent() && built.get() != projection.version()) {
            log.info("projection {} is at version {}, code is at version {}: rebuilding it in the background; the old "
                    + "read model serves until then, without new events", projection.name(), built.get(),
                    projection.version());
            launch(projection, true);
        } else {
            startLive(projection);
        }
    }

    /** The live subscription of a projection; empty while a version change is being rebuilt. */
    public Optional<Subscription> subscription(String name) {
        return subscriptions.get(name);
    }

    /**
     * Rebuilds a started projection from the first event into shadow tables while the live read model keeps
     * serving and being fed, then swaps them in. Returns the running rebuild if one is already in progress.
     *
     * @return completes when the new read model is live; completes exceptionally when this rebuild failed (the old
     *         read model then stays live)
     * @throws IllegalArgumentException when no projection of that name was started
     */
    public CompletableFuture<Void> rebuild(String name) {
        JdbcProjection projection = projections.get(name);
        if (projection == null) {
            throw new IllegalArgumentException("no projection named '" + name + "' is started");
        }
        return launch(projection, false);
    }

    /**
     * Runs a rebuild on its own thread. One of a version change is retried until it swaps (the live subscription
     * must not run the new code on the old tables in between); an asked-for one runs once.
     */
    private CompletableFuture<Void> launch(JdbcProjection projection, boolean versionChange) {
        return rebuilds.computeIfAbsent(projection.name(), name -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread.ofVirtual().name("ordo-rebuild-" + name).start(() -> {
                try {
                    if (versionChange) {
                        rebuildUntilSwapped(projection);
                    } else {
                        rebuildOnce(projection);
                    }
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                } finally {
                    rebuilds.remove(name);
                }
            });
            return done;
        });
    }

    private void rebuildOnce(JdbcProjection projection) throws InterruptedException {
        try {
            newRebuild(projection).run();
            log.info("projection {} rebuilt to version {} and swapped in", projection.name(), projection.version());
        } catch (InterruptedException e) {
            log.info("rebuilding projection {} stopped: the projections are closing", projection.name());
            throw e;
        } catch (RuntimeException | Error e) {
            log.error("rebuilding projection {} failed; the old read model stays live", projection.name(), e);
            throw e;
        } finally {
            startLiveOnceReachable(projection);
        }
    }

    private void rebuildUntilSwapped(JdbcProjection projection) throws InterruptedException {
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                newRebuild(projection).run();
                log.info("projection {} rebuilt to version {} and swapped in", projection.name(),
                        projection.version());
                startLiveOnceReachable(projection);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                log.error("rebuilding projection {} to version {} failed; the old read model keeps serving, unfed; "
                        + "retrying in {} ms", projection.name(), projection.version(), pause.toMillis(), e);
                if (closing.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new InterruptedException("closed before projection " + projection.name() + " was rebuilt");
                }
                pause = pause.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ? options.maxBackoff()
                        : pause.multipliedBy(2);
            }
        }
    }

    private ProjectionRebuild newRebuild(JdbcProjection projection) {
        return new ProjectionRebuild(database, reader, subscriptions, checkpoints, options, projection, clock,
                this::isClosed);
    }

    /** Starts the live subscription again after a rebuild, waiting for the database if it is away. */
    private void startLiveOnceReachable(JdbcProjection projection) throws InterruptedException {
        Duration pause = Duration.ofMillis(100);
        while (!isClosed() && subscriptions.get(projection.name()).isEmpty()) {
            try {
                startLive(projection);
                return;
            } catch (RuntimeException e) {
                log.warn("projection {}: cannot start its live subscription yet ({}); retrying in {} ms",
                        projection.name(), e.toString(), pause.toMillis());
                if (closing.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ? options.maxBackoff()
                        : pause.multipliedBy(2);
            }
        }
    }

    private void startLive(JdbcProjection projection) {
        subscriptions.start(projection.name(), new ProjectionConsumer(database, checkpoints, projection,
                projection.name(), identity(projection)), options.withFilter(projection.filter()));
    }

    private boolean isClosed() {
        return closing.getCount() == 0;
    }

    private static Map<String, String> identity(JdbcProjection projection) {
        Map<String, String> names = new LinkedHashMap<>();
        projection.tables().forEach(table -> names.put(table, table));
        return names;
    }

    /** The version the read model was built with, read without taking the write lock. */
    private Optional<Integer> storedVersion(String name) {
        try (Connection connection = database.readDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(database.dialect().sql.get("load_projection"))) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlErrors.io("read the version of projection " + name, e);
        }
    }

    /** Records the version a projection's read model is built with, inside the caller's transaction. */
    static void saveVersion(OrdoDatabase database, Connection connection, JdbcProjection projection, Clock clock)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(database.dialect().sql.get("save_projection"))) {
            upsert.setString(1, projection.name());
            upsert.setInt(2, projection.version());
            database.dialect().bindInstant(upsert, 3, Dialect.truncateToMicros(clock.instant()));
            upsert.executeUpdate();
        }
    }

    /** Stops rebuilds and every projection's subscription. */
    @Override
    public void close() {
        closing.countDown();
        for (String name : List.copyOf(projections.keySet())) {
            subscriptions.stop(name + ProjectionRebuild.SUFFIX);
            subscriptions.stop(name);
        }
    }
}
