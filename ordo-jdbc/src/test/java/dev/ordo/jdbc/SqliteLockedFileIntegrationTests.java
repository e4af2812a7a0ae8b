package dev.ordo.jdbc;

import static dev.ordo.jdbc.LogAssertions.appearsOnceAt;
import static dev.ordo.jdbc.LogAssertions.wholeLogGapFree;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.TransientFailures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite file locked by another connection (another process, say) that holds {@code BEGIN EXCLUSIVE}: appends
 * fail, unwritten and transient, once the busy timeout runs out, and succeed once the lock is released.
 */
class SqliteLockedFileIntegrationTests {

    @TempDir
    Path folder;

    private OrdoDatabase database;
    private JdbcEventStore store;

    @BeforeEach
    void openStore() {
        database = OrdoDatabase.sqlite(folder.resolve("events.db"), new SqliteOptions(2, Duration.ofMillis(300)));
        store = JdbcEventStore.create(database);
        store.append(uniqueStream("before"), ExpectedVersion.noStream(), itemsAdded(1));
    }

    @AfterEach
    void closeStore() {
        store.close();
        database.close();
    }

    @Test
    void appendsFailUnwrittenAfterTheBusyTimeoutWhileAnotherConnectionHoldsTheFileAndSucceedOnceItIsReleased()
            throws Exception {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(2);
        Throwable failure;
        Throwable secondFailure;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("events.db"));
             Statement statement = other.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");

            failure = catchThrowable(() -> store.append(stream, ExpectedVersion.noStream(), events));
            secondFailure = catchThrowable(() -> store.append(uniqueStream("cart"), ExpectedVersion.noStream(),
                    itemsAdded(1)));
            assertThat(store.headPosition()).as("reads go on while the file is locked").isEqualTo(1);

            statement.execute("ROLLBACK");
        }

        assertThat(List.of(failure, secondFailure)).allSatisfy(f -> {
            assertThat(f).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                    e -> assertThat(e.mayHaveWritten()).isFalse()).hasMessageContaining("SQLITE_BUSY");
            assertThat(TransientFailures.isTransient(f)).isTrue();
        });
        assertThat(store.streamInfo(stream)).isEmpty();
        AppendResult retried = store.append(stream, ExpectedVersion.noStream(), events);
        appearsOnceAt(wholeLogGapFree(store), events, retried);
    }
}
