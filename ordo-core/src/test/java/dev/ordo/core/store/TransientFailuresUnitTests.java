package dev.ordo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.bus.command.LockTimeoutException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransientFailuresUnitTests {

    @Test
    void treatsAnUnavailableStoreAndLostConnectionsAsTransient() {
        assertThat(TransientFailures.isTransient(new EventStoreUnavailableException("down"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("refused", "08001"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new LockTimeoutException("order-1",
                Duration.ofSeconds(5)))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("wrapped",
                new ConnectException("Connection refused")))).isTrue();
    }

    /** What another library's transient failure looks like once its adapter marks it. */
    private static final class BrokerDidNotAnswer extends RuntimeException implements TransientFailure {
        BrokerDidNotAnswer() {
            super("the broker did not acknowledge in time");
        }
    }

    @Test
    void treatsAnExceptionMarkedTransientFailureAndWhatItCausedAsTransient() {
        assertThat(TransientFailures.isTransient(new BrokerDidNotAnswer())).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("send failed", new BrokerDidNotAnswer())))
                .isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("the payload is too large"))).isFalse();
    }

    @Test
    void treatsALockOrStatementTimeoutAsTransient() {
        assertThat(TransientFailures.isTransient(new SQLException("canceling statement due to lock timeout", "55P03")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("canceling statement due to statement timeout",
                "57014"))).isTrue();
    }

    @Test
    void treatsALockedSqliteFileAsTransientByItsResultCode() {
        assertThat(TransientFailures.isTransient(new SQLException("[SQLITE_BUSY] database is locked", null, 5)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("[SQLITE_BUSY_SNAPSHOT]", null, 517))).isTrue();
    }

    @Test
    void treatsFailuresOfTheMessageItselfAsNotTransient() {
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad payload"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("[SQLITE_CONSTRAINT]", null, 19))).isFalse();
        assertThat(TransientFailures.isTransient(new WrongExpectedVersionException(
                dev.ordo.core.event.StreamId.of("order", "1"), ExpectedVersion.noStream(), 3))).isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }

    @Test
    void tellsAnUnreachableDatabaseFromOneThatIsOnlyBusy() {
        assertThat(TransientFailures.isDatabaseUnreachable(new EventStoreUnavailableException("could not append",
                new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
        assertThat(TransientFailures.isDatabaseUnreachable(new SQLException("refused", "08001"))).isTrue();
        assertThat(TransientFailures.isDatabaseUnreachable(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(TransientFailures.isDatabaseUnreachable(new IllegalStateException("wrapped",
                new ConnectException("Connection refused")))).isTrue();

        assertThat(TransientFailures.isDatabaseUnreachable(new LockTimeoutException("order-1",
                Duration.ofSeconds(5)))).isFalse();
        assertThat(TransientFailures.isDatabaseUnreachable(new SQLException("[SQLITE_BUSY] database is locked", null,
                5))).isFalse();
        assertThat(TransientFailures.isDatabaseUnreachable(new SQLException("deadlock", "40P01"))).isFalse();
        assertThat(TransientFailures.isDatabaseUnreachable(new EventStoreUnavailableException("down"))).isFalse();
    }
}
