package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventStoreException;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InvalidAppendException;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlErrorsUnitTests {

    /** What a database that went away or is busy looks like through JDBC, on PostgreSQL, HikariCP and SQLite. */
    private static final List<SQLException> UNREACHABLE = List.of(
            new SQLException("An I/O error occurred while sending to the backend.", "08006"),
            new SQLException("Connection to localhost:5432 refused.", "08001"),
            new SQLException("terminating connection due to administrator command", "57P01"),
            new SQLException("the database system is starting up", "57P03"),
            new SQLException("canceling statement due to lock timeout", "55P03"),
            new SQLTransientConnectionException("ordo-postgres - Connection is not available, request timed out"),
            new SQLException("[SQLITE_BUSY] The database file is locked (database is locked)", null, 5));

    @Test
    void mapsAnAppendThatMetAnUnreachableDatabaseToATransientUnavailableStore() {
        for (SQLException failure : UNREACHABLE) {
            EventStoreException notWritten = SqlErrors.append("order-1", failure, false);
            EventStoreException unknown = SqlErrors.append("order-1", failure, true);

            assertThat(notWritten).as(failure.getMessage()).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                    e -> assertThat(e.mayHaveWritten()).isFalse()).hasCause(failure)
                    .hasMessageContaining("nothing was written");
            assertThat(unknown).as(failure.getMessage()).isInstanceOfSatisfying(EventStoreUnavailableException.class,
                    e -> assertThat(e.mayHaveWritten()).isTrue()).hasCause(failure)
                    .hasMessageContaining("retrying with the same event ids is safe");
            assertThat(TransientFailures.isTransient(notWritten)).isTrue();
        }
    }

    @Test
    void mapsAReadThatMetAnUnreachableDatabaseToATransientUnavailableStore() {
        for (SQLException failure : UNREACHABLE) {
            EventStoreException mapped = SqlErrors.io("read $all from position 1", failure);

            assertThat(mapped).as(failure.getMessage()).isInstanceOf(EventStoreUnavailableException.class)
                    .hasCause(failure).hasMessageContaining("could not read $all from position 1");
            assertThat(TransientFailures.isTransient(mapped)).isTrue();
        }
    }

    @Test
    void keepsTheStoresOwnErrorsAndNamesAPayloadPostgresCannotParse() {
        WrongExpectedVersionException conflict = new WrongExpectedVersionException(StreamId.of("order-1"),
                ExpectedVersion.noStream(), 2);

        assertThat(SqlErrors.append("order-1", conflict, true)).isSameAs(conflict);
        assertThat(SqlErrors.append("order-1", new SQLException("invalid input syntax for type json\nDetail", "22P02"),
                false)).isInstanceOf(InvalidAppendException.class)
                .hasMessage("an event of the append to order-1 has a payload that is not valid JSON: "
                        + "invalid input syntax for type json");
    }

    @Test
    void mapsAValueTheDatabaseCannotStoreToAnInvalidAppendThatIsNotTransient() {
        EventStoreException refused = SqlErrors.append("order-1",
                new SQLException("unsupported Unicode escape sequence", "22P05"), false);

        assertThat(refused).isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("has a value the database cannot store: unsupported Unicode escape sequence");
        assertThat(TransientFailures.isTransient(refused)).isFalse();
    }
}
