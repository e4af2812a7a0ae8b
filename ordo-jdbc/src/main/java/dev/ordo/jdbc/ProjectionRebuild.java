package dev.ordo.jdbc;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterStateException;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.Origin;
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
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild of a projection (see {@code docs/adr/0007-projections-rebuilt-beside-the-live-read-model.md} and
 * {@code docs/adr/0017-transient-failures-rebuilds-and-problems.md}): shadow tables filled by a subscription of their
 * own from the first event, then swapped in. The swap stops the live subscription, lets the shadow pass everything
 * the live one passed, and in one transaction replaces the tables, moves the checkpoint, records the version and
 * resolves the live subscription's open dead letters that the rebuilt model covers (the rebuild never parks, so it
 * applied every event up to its checkpoint). When the letters live in another store, they are resolved right after
 * the swap, before the live subscription starts again. Used by one thread.
 */
final class ProjectionRebuild {

    static final String SUFFIX = "#rebuild";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration AWAIT_STEP = Duration.ofSeconds(1);

    private final OrdoDatabase database;
    private final EventReader reader;
    private final Subscriptions subscriptions;
    private final JdbcCheckpointStore checkpoints;
    private final SubscriptionOptions options;
    private final JdbcProjection projection;
    private final Clock clock;
    private final BooleanSupplier closed;
    private final String shadowName;
    private final Map<String, String> shadow = new LinkedHashMap<>();

    ProjectionRebuild(OrdoDatabase database, EventReader reader, Subscriptions subscriptions,
                      JdbcCheckpointStore checkpoints, SubscriptionOptions options, JdbcProjection projection,
                      Clock clock, BooleanSupplier closed) {
        this.database = database;
        this.reader = reader;
        this.subscriptions = subscriptions;
        this.checkpoints = checkpoints;
        this.options = options;
        this.projection = projection;
        this.clock = clock;
        this.closed = closed;
        this.shadowName = projection.name() + SUFFIX;
        String suffix = "__r" + Long.toString(clock.millis(), 36);
        projection.tables().forEach(table -> shadow.put(table, table + suffix));
    }

    /**
     * Rebuilds and swaps. The live subscription is stopped for the swap (when it runs) and not started again here.
     *
     * @throws InterruptedException when the projections are closed meanwhile; the shadow tables are then dropped
     * @throws RuntimeException     when the database fails before the swap; the shadow tables are then dropped
     */
    void run() throws InterruptedException {
        database.inTransaction(OrdoDatabase.Writes.DERIVED, connection -> {
            dropLeftoverShadows(connection);
            projection.createTables(new ProjectionContext(connection, database, shadow));
            checkpoints.write(connection, "reset_checkpoint", shadowName, 0);
            return null;
        });
        boolean swapped = false;
        try {
            // a rebuild never parks: its letters would outlive the shadow tables; a poison event stalls only it
            Subscription rebuilding = subscriptions.start(shadowName, new ProjectionConsumer(database, checkpoints,
                    projection, shadowName, shadow), options.withFilter(projection.filter()).withRetryForever());
            awaitPassing(rebuilding, reader.headPosition());
            subscriptions.stop(projection.name());
            awaitPassing(rebuilding, reader.headPosition());
            subscriptions.stop(shadowName);
            long covered = database.inTransaction(OrdoDatabase.Writes.DERIVED, this::swap);
            swapped = true;
            resolveLettersElsewhere(covered);
        } finally {
            if (!swapped) {
                subscriptions.stop(shadowName);
                dropShadows();
            }
        }
    }

    /** Waits until the rebuild has passed a position: the live one never passed more than the head after it stops. */
    private void awaitPassing(Subscription rebuilding, long position) throws InterruptedException {
        while (!rebuilding.awaitPosition(position, AWAIT_STEP)) {
            if (closed.getAsBoolean()) {
                throw new InterruptedException("closed while rebuilding " + projection.name());
            }
        }
    }

    private long swap(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> table : shadow.entrySet()) {
                statement.execute("DROP TABLE IF EXISTS " + table.getKey());
                statement.execute("ALTER TABLE " + table.getValue() + " RENAME TO " + table.getKey());
            }
        }
        long covered = checkpoints.load(connection, shadowName);
        checkpoints.write(connection, "reset_checkpoint", projection.name(), covered);
        checkpoints.delete(connection, shadowName);
        JdbcProjections.saveVersion(database, connection, projection, clock);
        if (options.deadLetters() instanceof JdbcDeadLetterStore letters && letters.keepsLettersIn(database)) {
            int resolved = letters.resolveUpTo(connection, origin(), covered, origin().toString(), note());
            if (resolved > 0) {
                log.info("projection {}: the rebuild applied the events of {} open dead letters; resolved them",
                        projection.name(), resolved);
            }
        }
        return covered;
    }

    /**
     * Resolves the covered letters of a dead-letter store outside the projection's database, insisting until it
     * answers: a letter left open would block its stream or be applied again by the new live subscription.
     */
    private void resolveLettersElsewhere(long covered) throws InterruptedException {
        DeadLetterStore letters = options.deadLetters();
        if (letters == null || letters instanceof JdbcDeadLetterStore jdbc && jdbc.keepsLettersIn(database)) {
            return;
        }
        Duration pause = Duration.ofMillis(100);
        while (true) {
            try {
                for (UUID id : coveredLetters(letters, covered)) {
                    resolve(letters, id);
                }
                return;
            } catch (RuntimeException e) {
                log.warn("projection {}: cannot resolve the dead letters its rebuild covered yet ({}); retrying in "
                        + "{} ms", projection.name(), e.toString(), pause.toMillis());
                if (closed.getAsBoolean()) {
                    throw new InterruptedException("closed before the letters of " + projection.name()
                            + " were resolved");
                }
                Thread.sleep(pause);
                pause = pause.multipliedBy(2).compareTo(options.maxBackoff()) > 0 ? options.maxBackoff()
                        : pause.multipliedBy(2);
            }
        }
    }

    private List<UUID> coveredLetters(DeadLetterStore letters, long covered) {
        List<UUID> ids = new ArrayList<>();
        for (DeadLetterStatus status : List.of(DeadLetterStatus.RETRYING, DeadLetterStatus.PARKED)) {
            DeadLetterQuery query = DeadLetterQuery.all().withOrigin(origin()).withStatus(status)
                    .page(0, DeadLetterQuery.MAX_LIMIT);
            for (int page = 1; ; page++) {
                List<DeadLetter> found = letters.list(query);
                found.stream().filter(letter -> letter.message().position() != null
                        && letter.message().position() <= covered).forEach(letter -> ids.add(letter.id()));
                if (found.size() < query.limit()) {
                    break;
                }
                query = query.page(page, DeadLetterQuery.MAX_LIMIT);
            }
        }
        return ids;
    }

    private void resolve(DeadLetterStore letters, UUID id) {
        try {
            letters.resolve(id, origin().toString(), note());
        } catch (DeadLetterStateException | NoSuchElementException e) {
            log.debug("dead letter {} was settled meanwhile: {}", id, e.getMessage());
        }
    }

    private Origin origin() {
        return Origin.subscription(projection.name());
    }

    private String note() {
        return "applied by the rebuild of " + projection.name() + " to version " + projection.version();
    }

    private void dropShadows() {
        try {
            database.inTransaction(OrdoDatabase.Writes.DERIVED, connection -> {
                dropLeftoverShadows(connection);
                checkpoints.delete(connection, shadowName);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("projection {}: the shadow tables of a failed rebuild stay until the next one ({})",
                    projection.name(), e.toString());
        }
    }

    private void dropLeftoverShadows(Connection connection) throws SQLException {
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
}
