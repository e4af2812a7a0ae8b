package dev.ordo.saga;

/**
 * Undoes a completed step (release stock, refund a payment). Like actions, it must be idempotent by
 * {@link StepContext#invocationId()} (which ends with {@code :compensate}).
 *
 * @param <D> the saga's data type
 */
@FunctionalInterface
public interface SagaCompensation<D> {

    /**
     * @return the saga's new data, or {@code null} to leave it unchanged
     * @throws Exception when undoing failed; it is retried with the step's retry policy and parked when it keeps failing
     */
    D compensate(StepContext<D> context) throws Exception;
}
