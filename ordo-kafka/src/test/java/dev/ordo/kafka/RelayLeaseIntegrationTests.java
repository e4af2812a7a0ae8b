package dev.ordo.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each lease has one holder at a time, hands over on release, and on PostgreSQL also when the holder's session dies. */
class RelayLeaseIntegrationTests {

    private static PostgresDatabase database;

    @BeforeAll
    static void startDatabase() {
        database = PostgresHarness.newDatabase();
    }

    @Test
    void inProcessLeaseHasOneHolderPerKeyAndPassesOnWhenReleased() {
        assertOneHolderThatPassesOnWhenReleased(name -> RelayLease.inProcess("store-a:" + name));
    }

    @Test
    void postgresLeaseHasOneHolderPerRelayNameAndPassesOnWhenReleased() {
        assertOneHolderThatPassesOnWhenReleased(name -> RelayLease.postgresAdvisoryLock(database.dataSource(), name));
    }

    /** The contract of every lease: one holder per name, taken again by its holder, handed over once released. */
    private static void assertOneHolderThatPassesOnWhenReleased(Function<String, RelayLease> leases) {
        try (RelayLease first = leases.apply("orders");
             RelayLease second = leases.apply("orders");
             RelayLease otherRelay = leases.apply("payments")) {
            assertThat(first.tryAcquire()).isTrue();
            assertThat(first.tryAcquire()).as("holding it already").isTrue();
            assertThat(second.tryAcquire()).isFalse();
            assertThat(otherRelay.tryAcquire()).isTrue();
            assertThat(first.isHeld()).isTrue();
            assertThat(second.isHeld()).isFalse();

            first.release();

            assertThat(first.isHeld()).isFalse();
            assertThat(second.tryAcquire()).isTrue();
            assertThat(first.tryAcquire()).isFalse();
        }
    }

    @Test
    void postgresLeaseIsLostWhenItsSessionDiesAndAStandbyTakesIt() throws Exception {
        try (RelayLease active = RelayLease.postgresAdvisoryLock(database.dataSource(), "shipments");
             RelayLease standby = RelayLease.postgresAdvisoryLock(database.dataSource(), "shipments")) {
            assertThat(active.tryAcquire()).isTrue();
            assertThat(standby.tryAcquire()).isFalse();

            assertThat(terminateAdvisoryLockHolders()).isEqualTo(1);

            assertThat(active.isHeld()).isFalse();
            assertThat(standby.tryAcquire()).isTrue();
            assertThat(active.tryAcquire()).isFalse();
        }
    }

    /** Ends the sessions holding advisory locks, as the server does when their process dies; returns how many. */
    static int terminateAdvisoryLockHolders() throws Exception {
        return terminateAdvisoryLockHolders(database);
    }

    static int terminateAdvisoryLockHolders(PostgresDatabase database) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_locks"
                     + " WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database"
                     + " WHERE datname = current_database())")) {
            result.next();
            return result.getInt(1);
        }
    }
}
