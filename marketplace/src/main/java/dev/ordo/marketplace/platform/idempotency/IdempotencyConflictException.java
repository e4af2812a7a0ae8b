package dev.ordo.marketplace.platform.idempotency;

/** An Idempotency-Key is in use by a request still running, or was used before for a different request. */
public final class IdempotencyConflictException extends RuntimeException {

    private final boolean inProgress;

    private IdempotencyConflictException(String message, boolean inProgress) {
        super(message);
        this.inProgress = inProgress;
    }

    static IdempotencyConflictException inProgress(String key) {
        return new IdempotencyConflictException("a request with Idempotency-Key '" + key
                + "' is still being processed; retry shortly", true);
    }

    static IdempotencyConflictException reused(String key) {
        return new IdempotencyConflictException("Idempotency-Key '" + key
                + "' was already used for a different request (another method, path or body)", false);
    }

    /** True when the first request with the key is still running; false when the key was reused. */
    public boolean inProgress() {
        return inProgress;
    }
}
