package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ordo.core.store.TransientFailures;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CommitInDoubtExceptionUnitTests {

    private static Throwable commitFailingWith(Exception failure) {
        return catchThrowable(() -> CommitInDoubtException.committing(() -> {
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            throw (RuntimeException) failure;
        }));
    }

    @Test
    void leavesACommitInDoubtWhenTheConnectionOrTheServerFailedUnderIt() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");

        Throwable failure = commitFailingWith(lost);

        assertThat(failure).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("08006")).hasCause(lost);
        assertThat(CommitInDoubtException.isIn(failure)).isTrue();
        assertThat(TransientFailures.isTransient(failure)).isTrue();
        assertThat(CommitInDoubtException.isIn(commitFailingWith(new SQLException("shutdown", "57P01")))).isTrue();
        assertThat(CommitInDoubtException.isIn(commitFailingWith(new SQLException("[SQLITE_IOERR]", null, 10))))
                .isTrue();
        assertThat(CommitInDoubtException.isIn(commitFailingWith(new IllegalStateException("driver bug")))).isTrue();
    }

    @Test
    void takesARefusalByTheDatabaseAsTheAnswerThatNothingCommitted() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        SQLException busy = new SQLException("[SQLITE_BUSY] database is locked", null, 5);
        SQLException lockTimeout = new SQLException("canceling statement due to lock timeout", "55P03");

        assertThat(commitFailingWith(duplicate)).isSameAs(duplicate);
        assertThat(commitFailingWith(busy)).isSameAs(busy);
        assertThat(commitFailingWith(lockTimeout)).isSameAs(lockTimeout);
        assertThat(CommitInDoubtException.isIn(lockTimeout)).isFalse();
    }
}
