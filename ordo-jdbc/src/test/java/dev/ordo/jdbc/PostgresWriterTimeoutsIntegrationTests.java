package dev.ordo.jdbc;

import static dev.ordo.jdbc.LogAssertions.appearsOnceAt;
import static dev.ordo.jdbc.LogAssertions.wholeLogGapFree;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.test.postgres.PostgresHarness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer's waits on PostgreSQL are bounded by {@link PostgresOptions}, so a caller waiting for it is too. */
class PostgresWriterTimeoutsIntegrationTests {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private HikariDataSource pool;
    private JdbcEventStore store;

    @BeforeEach
    void openStore() {
        pool = PostgresHarness.newDatabase().pool(4);
        OrdoDatabase database = OrdoDatabase.postgres(pool,
                new PostgresOptions(Duration.ofMillis(300), Duration.ofSeconds(5)));
        store = JdbcEventStore.create(database);
    }

    @AfterEach
    void closeStore() {
        callers.shutdownNow();
        store.close();
        pool.close();
    }

    @Test
    void anAppendWaitingForTheHeadRowThatAnotherTransactionHoldsFailsUnwrittenAfterTheLockTimeout() throws Exception {
        StreamId stream = uniqueStream("cart");
        List<EventData> events = itemsAdded(2);
        Throwable failure;
        try (Connection holder = pool.getConnection(); Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT position FROM ordo_head WHERE id = 1 FOR UPDATE").close();

            Future<Throwable> attempt = callers.submit(() -> catchThrowable(
                    () -> store.append(stream, ExpectedVersion.noStream(), events)));
            failure = attempt.get(30, TimeUnit.SECONDS);
            holder.rollback();
        }

        assertThat(failure).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                e -> assertThat(e.mayHaveWritten()).isFalse()).hasMessageContaining("lock timeout");
        assertThat(TransientFailures.isTransient(failure)).isTrue();
        assertThat(store.streamInfo(stream)).isEmpty();
        AppendResult retried = store.append(stream, ExpectedVersion.noStream(), events);
        appearsOnceAt(wholeLogGapFree(store), events, retried);
    }

    @Test
    void thePessimisticLockOfTheHeadRowBoundsItsOwnTransactionOnly() throws Exception {
        String lockHead = new PostgresDialect(PostgresOptions.defaults()).sql.get("lock_head");
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(lockHead)) {
                lock.setString(1, "300");
                lock.setString(2, "7000");
                try (ResultSet head = lock.executeQuery()) {
                    assertThat(head.next()).isTrue();
                }
            }

            assertThat(setting(connection, "lock_timeout")).isEqualTo("300ms");
            assertThat(setting(connection, "idle_in_transaction_session_timeout")).isEqualTo("7s");
            connection.rollback();
            assertThat(setting(connection, "lock_timeout")).isEqualTo("0");
            assertThat(setting(connection, "idle_in_transaction_session_timeout")).isEqualTo("0");
        }
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
