package dev.ordo.jdbc;

import static dev.ordo.jdbc.LogAssertions.appearsOnceAt;
import static dev.ordo.jdbc.LogAssertions.wholeLogGapFree;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.test.faults.FaultyDataSource;
import dev.ordo.test.faults.FaultyDataSource.Call;
import dev.ordo.test.faults.FaultyDataSource.When;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults at each boundary of an append on SQLite, where the commit is the {@code COMMIT} of the writer's transaction. */
class SqliteAppendFaultPointsIntegrationTests extends AppendFaultPointsContract {

    @TempDir
    Path folder;

    private OrdoDatabase database;

    @Override
    protected OrdoDatabase database() {
        if (database == null) {
            database = OrdoDatabase.sqlite(folder.resolve("events.db"));
        }
        return database;
    }

    @Override
    protected Predicate<Call> commitPoint() {
        return Call::commits;
    }

    @Test
    void aRollbackThatFailsDoesNotLeaveTheWriterStuckInsideItsTransaction() {
        FaultyDataSource writes = FaultyDataSource.wrap(database().writeDataSource())
                .fail(When.BEFORE, Call::commits, 1, () -> FaultyDataSource.connectionLost("before the commit"))
                .fail(When.BEFORE, call -> "ROLLBACK".equals(call.sql()), 2,
                        () -> new SQLException("[SQLITE_IOERR] disk I/O error", null, 10));
        List<EventData> first = itemsAdded(2);
        List<EventData> second = itemsAdded(1);
        try (JdbcEventStore store = JdbcEventStore.create(database().withWriter(writes))) {

            AppendResult settled = store.append(uniqueStream("cart"), ExpectedVersion.noStream(), first);
            AppendResult next = store.append(uniqueStream("cart"), ExpectedVersion.noStream(), second);

            assertThat(writes.injected()).isEqualTo(3);
            List<RecordedEvent> log = wholeLogGapFree(store);
            appearsOnceAt(log, first, settled);
            appearsOnceAt(log, second, next);
        }
    }

    @Override
    protected void closeDatabase() {
        database.close();
    }
}
