package dev.ordo.jdbc;

import dev.ordo.core.store.EventStoreException;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InvalidAppendException;
import java.sql.SQLException;

/** Turns database errors into the store's typed errors. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** The typed error for a failed append of the given stream. */
    static EventStoreException append(String stream, Throwable error) {
        if (error instanceof EventStoreException typed) {
            return typed;
        }
        SQLException sql = find(error);
        if (sql != null && "22P02".equals(sql.getSQLState())) {
            return new InvalidAppendException("an event of the append to " + stream
                    + " has a payload that is not valid JSON: " + firstLine(sql.getMessage()));
        }
        return new EventStoreUnavailableException("could not append to " + stream
                + "; the outcome is unknown, retrying with the same event ids is safe: " + describe(error), error);
    }

    /** The typed error for a failed read or maintenance operation. */
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
