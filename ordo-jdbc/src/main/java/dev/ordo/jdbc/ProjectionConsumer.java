package dev.ordo.jdbc;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.subscription.SubscriptionConsumer;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Applies pages of events to a projection's tables and stores its checkpoint, in one transaction per page: whatever
 * the projection throws (an {@link Error} included) rolls the whole page back with its checkpoint. A redriven dead
 * letter (one event behind the checkpoint) is applied in its own transaction and leaves the checkpoint as it is.
 *
 * <p>A commit whose answer was lost (the connection broke while the database committed) is not applied twice: after a
 * failed page, the next transaction first reads the stored checkpoint, and the events between the checkpoint this
 * consumer last heard of and the stored one are skipped, because that unheard commit already applied them.
 */
final class ProjectionConsumer implements SubscriptionConsumer {

    private final OrdoDatabase database;
    private final JdbcCheckpointStore checkpoints;
    private final JdbcProjection projection;
    private final String checkpointName;
    private final Map<String, String> tables;
    private volatile long checkpoint;
    /** Whether the last page failed, so that its commit may have happened unheard. */
    private volatile boolean inDoubt;

    ProjectionConsumer(OrdoDatabase database, JdbcCheckpointStore checkpoints, JdbcProjection projection,
                       String checkpointName, Map<String, String> tables) {
        this.database = database;
        this.checkpoints = checkpoints;
        this.projection = projection;
        this.checkpointName = checkpointName;
        this.tables = Map.copyOf(tables);
        this.checkpoint = checkpoints.load(checkpointName);
    }

    @Override
    public long checkpoint() {
        return checkpoint;
    }

    @Override
    public void handle(List<RecordedEvent> page) throws SQLException {
        long heard = checkpoint;
        long last = page.getLast().position();
        try {
            // rolled back on anything thrown, an Error too: the page leaves nothing behind
            database.transaction(OrdoDatabase.Writes.DERIVED, connection -> {
                long stored = inDoubt ? checkpoints.load(connection, checkpointName) : heard;
                ProjectionContext context = new ProjectionContext(connection, database, tables);
                for (RecordedEvent event : page) {
                    if (event.position() <= heard || event.position() > stored) {
                        projection.apply(context, event);
                    }
                }
                checkpoints.write(connection, "save_checkpoint", checkpointName, last);
                return null;
            });
        } catch (SQLException | RuntimeException | Error e) {
            inDoubt = true;
            throw e;
        }
        checkpoint = Math.max(checkpoint, last);
        inDoubt = false;
    }
}
