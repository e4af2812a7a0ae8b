package dev.ordo.coordination.participant;

import java.util.Objects;

/**
 * A participant's call failed with a checked exception, which is the {@linkplain #getCause() cause}: a
 * {@link java.util.concurrent.TimeoutException} when the call ran past its time limit, an
 * {@link InterruptedException} when the calling thread was interrupted (its interrupt flag is set again), or what the
 * call itself threw. Unchecked exceptions of the call, and Resilience4j's
 * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException} and
 * {@link io.github.resilience4j.bulkhead.BulkheadFullException}, are thrown as they are.
 */
public final class ParticipantException extends RuntimeException {

    private final String participant;

    public ParticipantException(String participant, Throwable cause) {
        super("call to participant '" + participant + "' failed: " + cause, Objects.requireNonNull(cause, "cause"));
        this.participant = participant;
    }

    /** The participant's name. */
    public String participant() {
        return participant;
    }
}
