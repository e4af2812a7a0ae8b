package dev.ordo.saga;

/**
 * A step's action: a command or a call to a participant. It may run more than once (retries, a restart after it may
 * have run), always with the same {@link StepContext#invocationId()}: it must be idempotent by that id.
 *
 * @param <D> the saga's data type
 */
@FunctionalInterface
public interface SagaAction<D> {

    /**
     * @throws Exception when the step failed; the step's retry policy decides whether it is tried again
     */
    StepOutcome<D> run(StepContext<D> context) throws Exception;
}
