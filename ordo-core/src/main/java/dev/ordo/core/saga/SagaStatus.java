package dev.ordo.core.saga;

/** Where a saga is in its life. */
public enum SagaStatus {
    /** Running its steps forwards. */
    RUNNING,
    /** A step failed, timed out or the saga was cancelled: undoing the completed steps in reverse order. */
    COMPENSATING,
    /** A compensation kept failing and was parked as a dead letter: an operator must redrive it. */
    PARKED,
    /** Every step succeeded. */
    COMPLETED,
    /** Every completed step was undone. */
    COMPENSATED;

    /** True for {@link #COMPLETED} and {@link #COMPENSATED}. */
    public boolean isFinished() {
        return this == COMPLETED || this == COMPENSATED;
    }
}
