package dev.ordo.core.deadletter;

/**
 * A redrive that did not take place because the infrastructure was away: the handler failed with a
 * {@linkplain dev.ordo.core.store.TransientFailures transient} failure (its cause), which says nothing about the
 * message. The letter was left exactly as it was (still due, no attempt counted); try again after a pause.
 */
public final class RedriveDeferredException extends RuntimeException {

    public RedriveDeferredException(String message, Throwable cause) {
        super(message, cause);
    }
}
