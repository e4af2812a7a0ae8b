package dev.ordo.core.store;

/**
 * The store could not complete the operation for a reason outside the request (database down, disk full, store
 * closed, the caller gave up waiting). It is a {@linkplain TransientFailures transient} failure: trying again later
 * may succeed.
 *
 * <p>For an append, {@link #mayHaveWritten()} tells whether the outcome is unknown (the events may be in the log, or
 * appear there once the database settles the transaction; retrying with the same event ids is idempotent) or known to
 * be nothing (the request never reached the database, or was withdrawn before it was written, and never will be).
 */
public final class EventStoreUnavailableException extends EventStoreException {

    private final boolean mayHaveWritten;

    /** An unavailable store whose outcome, for an append, is unknown. */
    public EventStoreUnavailableException(String message, Throwable cause) {
        this(message, cause, true);
    }

    /** An unavailable store whose outcome, for an append, is unknown. */
    public EventStoreUnavailableException(String message) {
        this(message, null, true);
    }

    private EventStoreUnavailableException(String message, Throwable cause, boolean mayHaveWritten) {
        super(message, cause);
        this.mayHaveWritten = mayHaveWritten;
    }

    /** The store is unavailable and the append was not written and never will be (refused or withdrawn in time). */
    public static EventStoreUnavailableException notWritten(String message, Throwable cause) {
        return new EventStoreUnavailableException(message, cause, false);
    }

    /**
     * False only when the store knows that nothing of the failed append was or will be written; true when the outcome
     * is unknown. Meaningless for reads.
     */
    public boolean mayHaveWritten() {
        return mayHaveWritten;
    }
}
