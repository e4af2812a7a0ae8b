package dev.ordo.jdbc;

import dev.ordo.core.store.EventStoreException;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InvalidAppendException;
import java.sql.SQLException;

/** Turns database errors into the store's typed errors. Stateless. */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * The typed error for a failed append of the given stream: the store's own errors as they are, a payload PostgreSQL
     * cannot parse or a value it cannot store (SQL state class {@code 22}, such as a NUL character) as
     * {@link InvalidAppendException}, the request's own fault and not transient, and everything else (a connection lost or refused, the pool
     * timing out, a busy SQLite file, a server shutting down) as {@link EventStoreUnavailableException}.
     *
     * @param mayHaveWritten whether an attempt to commit the append got no answer, so that it may have been written;
     *                       false when it is known that nothing was (or will be) written
     */
    static EventStoreException append(String stream, Throwable error, boolean mayHaveWritten) {
        if (error instanceof EventStoreException typed) {
            return typed;
        }
        SQLException sql = find(error);
        if (sql != null && "22P02".equals(sql.getSQLState())) {
            return new InvalidAppendException("an event of the append to " + stream
                    + " has a payload that is not valid JSON: " + firstLine(sql.getMessage()));
        }
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            return new InvalidAppendException("an event of the append to " + stream
                    + " has a value the database cannot store: " + firstLine(sql.getMessage()));
        }
        if (mayHaveWritten) {
            return new EventStoreUnavailableException("could not learn whether the append to " + stream
                    + " was written: its commit got no answer, and looking for it afterwards failed too; retrying with"
                    + " the same event ids is safe and writes it at most once: " + describe(error), error);
        }
        return EventStoreUnavailableException.notWritten("could not append to " + stream + "; nothing was written: "
                + describe(error), error);
    }

    /** The typed error for a failed read or maintenance operation: {@link EventStoreUnavailableException}. */
    static EventStoreException io(String what, Throwable error) {
        if (error instanceof EventStoreException typed) {
            return typed;
        }
        return new EventStoreUnavailableException("could not " + what + ": " + describe(error), error);
    }

    private static SQLException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String describe(Throwable error) {
        SQLException sql = find(error);
        String message = sql != null ? sql.getMessage() : error.toString();
        return firstLine(message == null ? error.getClass().getName() : message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
