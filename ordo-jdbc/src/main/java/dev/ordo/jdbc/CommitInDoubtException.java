package dev.ordo.jdbc;

import java.sql.SQLException;

/**
 * The call that commits a batch failed without an answer from the database (the connection broke, the server went
 * away, the driver failed): the commit may have happened, may still happen, or may never happen. It keeps the SQL state
 * and vendor code of its cause, so the failure is still recognised as {@linkplain
 * dev.ordo.core.store.TransientFailures transient}.
 */
final class CommitInDoubtException extends SQLException {

    private static final int SQLITE_IOERR = 10;

    private CommitInDoubtException(Throwable cause, String sqlState, int vendorCode) {
        super("the commit's outcome is unknown: " + cause, sqlState, vendorCode, cause);
    }

    /** The call that commits. */
    @FunctionalInterface
    interface CommitCall<T> {
        T run() throws SQLException;
    }

    /** Whether the failure, or one of its causes, left a commit in doubt. */
    static boolean isIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CommitInDoubtException) {
                return true;
            }
        }
        return false;
    }

    /** Runs the call that commits; a failure that leaves the commit's fate unknown comes out as this exception. */
    static <T> T committing(CommitCall<T> call) throws SQLException {
        try {
            return call.run();
        } catch (SQLException e) {
            if (refusedByTheDatabase(e)) {
                throw e;
            }
            throw new CommitInDoubtException(e, e.getSQLState(), e.getErrorCode());
        } catch (RuntimeException e) {
            throw new CommitInDoubtException(e, null, 0);
        }
    }

    /**
     * A refusal is an answer: the database rejected the statement and the transaction did not commit. A lost or
     * broken connection (SQL state class {@code 08}), a server shutting down or crashing ({@code 57P}, {@code 58},
     * {@code XX}), a SQLite I/O error, or an error without a code is not.
     */
    private static boolean refusedByTheDatabase(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            return !(state.startsWith("08") || state.startsWith("57P") || state.startsWith("58")
                    || state.startsWith("XX"));
        }
        int code = e.getErrorCode() & 0xff;
        return code != 0 && code != SQLITE_IOERR;
    }
}
