package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.subscription.PoisonPolicy;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Poison events of a projection on PostgreSQL, and a database that goes away while a page is being applied. */
class PostgresDeadLetterProjectionsIntegrationTests extends JdbcDeadLetterProjectionsContract {

    private PostgresDatabase db;
    private HikariDataSource pool;

    /** A pool that gives up quickly on a database that refuses connections, as a production pool would, only sooner. */
    @Override
    OrdoDatabase openDatabase() {
        db = PostgresHarness.newDatabase();
        HikariConfig config = new HikariConfig();
        config.setDataSource(db.dataSource());
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(250);
        pool = new HikariDataSource(config);
        return OrdoDatabase.postgres(pool);
    }

    @Override
    void release() {
        pool.close();
    }

    @Test
    void anOutageInTheMiddleOfAPageParksNothingAndEveryEventIsAppliedOnceWhenTheDatabaseIsBack() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AppliedEventsProjection gated = new AppliedEventsProjection(poison, gate);
        append("cart-1", "cart-2", "cart-1");
        Subscription subscription = start(PoisonPolicy.STOP_STREAM, gated, JdbcDeadLetterStore.create(database));
        assertThat(gated.atTheGate.await(20, TimeUnit.SECONDS)).isTrue();

        PostgresDatabase server = new PostgresDatabase("postgres", db.host(), db.port(), db.user(), db.password());
        try (Connection admin = server.dataSource().getConnection()) {
            takeDown(admin);
            gate.countDown();
            await().atMost(20, TimeUnit.SECONDS)
                    .until(() -> subscription.status().failures() > 2 * FAST.maxAttempts());
            bringBack(admin);
        }

        // the pool reconnects at its own pace: until it has, the test's own reads fail too
        await().atMost(20, TimeUnit.SECONDS).ignoreExceptions().until(() -> checkpoint() == 3);
        assertThat(applied(null)).containsExactly(1L, 2L, 3L);
        assertThat(letters()).isEmpty();
        append("cart-2");
        await().atMost(20, TimeUnit.SECONDS).until(() -> checkpoint() == 4);
        assertThat(applied(null)).containsExactly(1L, 2L, 3L, 4L);
    }

    /** Refuses new connections to the database and ends every session on it, as a server shutdown does. */
    private void takeDown(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE \"" + db.name() + "\" WITH ALLOW_CONNECTIONS false");
        }
        try (PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM "
                + "pg_stat_activity WHERE datname = ?")) {
            terminate.setString(1, db.name());
            terminate.executeQuery().close();
        }
    }

    private void bringBack(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE \"" + db.name() + "\" WITH ALLOW_CONNECTIONS true");
        }
    }
}
