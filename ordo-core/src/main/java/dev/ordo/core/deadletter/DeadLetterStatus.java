package dev.ordo.core.deadletter;

/** Where a dead letter is in its life. */
public enum DeadLetterStatus {
    /** It failed and is handed over again at its next attempt time. */
    RETRYING,
    /** Retrying stopped (the attempts ran out, or it waits behind another letter): it waits for an operator. */
    PARKED,
    /** A later attempt succeeded (or it was settled by hand). Final. */
    RESOLVED,
    /** An operator decided it is never to be handled. Final. */
    DISCARDED;

    /** True while the letter still waits for something: {@link #RETRYING} or {@link #PARKED}. */
    public boolean isOpen() {
        return this == RETRYING || this == PARKED;
    }
}
