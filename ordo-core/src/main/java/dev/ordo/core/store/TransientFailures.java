package dev.ordo.core.store;

import dev.ordo.core.bus.command.LockTimeoutException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Tells failures of the infrastructure (the database or the network went away for a while, a lock or pool was busy)
 * from failures of the message or the request itself.
 *
 * <p>A transient failure says nothing about the message being handled: whoever meets one retries with backoff until
 * the infrastructure is back, and never counts it against the message's attempts (it is not a poison event, not a
 * failed saga step, not a client error). Everything else is treated as the message's own failure. Stateless.
 */
public final class TransientFailures {

    /** SQLite result codes (lowest byte of the extended code) that mean "the file is busy or unreachable". */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    private TransientFailures() {
    }

    /**
     * True when the failure, or any of its causes, is one of: {@link EventStoreUnavailableException}; a command
     * that could not get its key's lock in time ({@link LockTimeoutException}: other work holds it); a JDBC
     * transient or recoverable exception or a lost connection; a SQL state of class {@code 08} (connection),
     * {@code 53} (insufficient resources), {@code 57P} (server shutting down or starting), {@code 40001}/{@code 40P01}
     * (serialization failure, deadlock), {@code 55P03} (a lock not obtained within {@code lock_timeout}),
     * {@code 57014} (a statement cancelled, by {@code statement_timeout} or an operator); a SQLite busy, locked, I/O,
     * full-disk or cannot-open error; a refused, reset or timed-out socket; any exception marked
     * {@link TransientFailure}.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EventStoreUnavailableException
                    || t instanceof TransientFailure
                    || t instanceof LockTimeoutException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t instanceof SocketException
                    || t instanceof HttpTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientSql(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the failure, or any of its causes, says the database could not be reached at all: no connection
     * within the pool's timeout ({@link SQLTransientConnectionException}), a refused or lost connection, a SQL state
     * of class {@code 08} or {@code 57P} (the server is shutting down or starting). Whoever meets one should not ask
     * the database anything else before answering: that would only wait for the same timeout again. A busy lock or
     * a conflict is transient but not this: the database is there.
     */
    public static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientSql(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                    || state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("57014");
        }
        int code = sql.getErrorCode() & 0xff;
        return code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_IOERR || code == SQLITE_FULL
                || code == SQLITE_CANTOPEN;
    }
}
