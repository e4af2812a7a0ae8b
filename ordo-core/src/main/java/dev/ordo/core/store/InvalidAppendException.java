package dev.ordo.core.store;

/** An append request broke a rule of the store's input (null, empty, too large, repeated ids); nothing was written. */
public final class InvalidAppendException extends EventStoreException {

    public InvalidAppendException(String message) {
        super(message);
    }
}
