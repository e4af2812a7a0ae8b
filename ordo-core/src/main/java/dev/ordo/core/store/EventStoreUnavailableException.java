package dev.ordo.core.store;

/**
 * The store could not complete the operation for a reason outside the request (database down, disk full,
 * store closed). For an append, the outcome is unknown: retry with the same event ids, which is idempotent.
 */
public final class EventStoreUnavailableException extends EventStoreException {

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventStoreUnavailableException(String message) {
        super(message);
    }
}
