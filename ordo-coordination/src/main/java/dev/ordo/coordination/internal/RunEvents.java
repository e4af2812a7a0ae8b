package dev.ordo.coordination.internal;

import dev.ordo.coordination.event.CoordinationEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Emits the lifecycle events of one run: stamps them with the operation, the run's id and the clock's time, and
 * hands them to the coordinator's listeners. Thread-safe.
 */
public final class RunEvents {

    private final String operation;
    private final String runId = UUID.randomUUID().toString();
    private final Clock clock;
    private final Listeners listeners;

    public RunEvents(String operation, Clock clock, Listeners listeners) {
        this.operation = operation;
        this.clock = clock;
        this.listeners = listeners;
    }

    public String runId() {
        return runId;
    }

    public void started() {
        listeners.publish(new CoordinationEvent.Started(operation, runId, clock.instant()));
    }

    public void stepStarted(String step) {
        listeners.publish(new CoordinationEvent.StepStarted(operation, runId, step, clock.instant()));
    }

    public void stepCompleted(String step, Duration duration) {
        listeners.publish(new CoordinationEvent.StepCompleted(operation, runId, step, duration, clock.instant()));
    }

    public void stepFailed(String step, Duration duration, Throwable error) {
        listeners.publish(new CoordinationEvent.StepFailed(operation, runId, step, duration, error, clock.instant()));
    }

    public void compensating(String step) {
        listeners.publish(new CoordinationEvent.Compensating(operation, runId, step, clock.instant()));
    }

    public void compensated(String step, Duration duration) {
        listeners.publish(new CoordinationEvent.Compensated(operation, runId, step, duration, clock.instant()));
    }

    public void compensationFailed(String step, Duration duration, Throwable error) {
        listeners.publish(new CoordinationEvent.CompensationFailed(operation, runId, step, duration, error,
                clock.instant()));
    }

    public void completed(Duration duration) {
        listeners.publish(new CoordinationEvent.Completed(operation, runId, duration, clock.instant()));
    }

    public void failed(Optional<String> step, Duration duration, Throwable error) {
        listeners.publish(new CoordinationEvent.Failed(operation, runId, step, duration, error, clock.instant()));
    }

    /** The time elapsed since a {@link System#nanoTime()} reading. */
    public static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
