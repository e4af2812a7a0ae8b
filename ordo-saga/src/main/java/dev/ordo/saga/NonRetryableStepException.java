package dev.ordo.saga;

/**
 * A failure that retrying cannot fix (a declined payment, an unknown product): with the default retry policy it
 * fails the step at once, and the saga compensates.
 */
public class NonRetryableStepException extends RuntimeException {

    public NonRetryableStepException(String message) {
        super(message);
    }

    public NonRetryableStepException(String message, Throwable cause) {
        super(message, cause);
    }
}
