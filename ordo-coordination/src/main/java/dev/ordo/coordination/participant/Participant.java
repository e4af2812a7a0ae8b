package dev.ordo.coordination.participant;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A named party that steps call (a payment provider, the inventory service), with the same protection on every
 * call, outermost first: retry (when configured), circuit breaker, time limit, bulkhead (when configured). So every
 * attempt goes through the breaker, a timeout counts as a breaker failure, and the bulkhead limits calls really
 * running, not calls waiting for a retry.
 *
 * <p>The circuit breaker comes from a {@link CircuitBreakerRegistry} by the participant's name: every participant of
 * that name built on the same registry shares it, so a provider that fails for one operation is cut off for all.
 * The time limit runs the call in a future on a new virtual thread, waits for it at most the limit, then cancels it
 * (interrupts its thread) and fails with a {@link java.util.concurrent.TimeoutException}. Thread-safe.
 */
public interface Participant {

    /**
     * A participant whose breaker comes from the given registry (shared by name); its bulkhead is its own. Build
     * one participant per party and share it between the operations that call that party.
     */
    static Participant of(String name, ParticipantConfig config, CircuitBreakerRegistry circuitBreakers) {
        return new DefaultParticipant(name, config, circuitBreakers);
    }

    /** Its name, which is also its circuit breaker's. */
    String name();

    /** Its configuration. */
    ParticipantConfig config();

    /** Its circuit breaker's state now: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or a forced state). */
    CircuitBreaker.State state();

    /** Its circuit breaker, for its events and metrics, or to force a state. */
    CircuitBreaker circuitBreaker();

    /**
     * Calls through the protections.
     *
     * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException when the breaker is open: the call
     *                                                                         was not made
     * @throws io.github.resilience4j.bulkhead.BulkheadFullException            when too many calls are running
     * @throws ParticipantException for a timeout, an interruption or a checked exception of the call
     * @throws RuntimeException     what the call threw, after the retries
     */
    <T> T call(Callable<? extends T> call);

    /**
     * Calls through the protections, and returns the fallback's value instead of failing: when the call failed after
     * the retries, timed out, or was not made because the breaker is open or the bulkhead full. The fallback gets
     * that exception. Interruption of the calling thread and {@link Error}s are not replaced.
     *
     * @throws ParticipantException when the calling thread was interrupted
     */
    <T> T call(Callable<? extends T> call, Function<? super Exception, ? extends T> fallback);
}
