package dev.ordo.saga;

import dev.ordo.core.trace.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * What the step runners of one engine share: where actions run, the clock, metrics, the actions abandoned so far, and
 * the engine's rules for unknown outcomes and transient failures.
 *
 * @param resumptionLimit     how many times in a row an attempt cut short may be resumed before its outcome is
 *                            recorded as unknown for good (compensations: parked)
 * @param abandonedActionWait how long a compensation waits for its step's abandoned action to stop
 * @param transientBackoff    the pauses between tries of an action or compensation that met a transient failure
 * @param accepting           whether the engine still starts attempts (false once it is shutting down)
 * @param abandoning          whether the engine is interrupting what runs: no outcome is recorded any more
 * @param tracing             where the spans of the attempts go
 */
record StepEnvironment(ExecutorService executor, Clock clock, SagaMetrics metrics, AbandonedActions abandoned,
                       int resumptionLimit, Duration abandonedActionWait, Backoff transientBackoff,
                       BooleanSupplier accepting, BooleanSupplier abandoning, Tracing tracing) {

    boolean stopping() {
        return !accepting.getAsBoolean();
    }

    boolean interrupted() {
        return abandoning.getAsBoolean() || Thread.currentThread().isInterrupted();
    }
}
