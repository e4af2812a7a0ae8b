package dev.ordo.core.deadletter;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message whose handling failed, with how often and how it failed and what happens to it next. Immutable; its
 * changes are made by a {@link DeadLetterStore} following {@link DeadLetterTransitions}.
 *
 * @param id            the letter's id
 * @param origin        the component that failed to handle the message
 * @param key           what the message is about (a stream id, a saga id), or {@code null}; with
 *                      {@code PoisonPolicy.STOP_STREAM} the messages of one key are handled in order
 * @param message       the message
 * @param failure       the last failure
 * @param attempts      failed attempts since the letter was opened or last redriven (0 for a redriven or held-back
 *                      letter that was not tried since)
 * @param firstFailedAt when the letter was opened
 * @param lastFailedAt  when the last attempt failed (or the letter was held back)
 * @param nextAttemptAt when the message is due to be handed over again: set exactly when the status is
 *                      {@link DeadLetterStatus#RETRYING}
 * @param status        where the letter is in its life
 * @throws IllegalArgumentException when {@code nextAttemptAt} does not match the status or attempts is negative
 */
public record DeadLetter(UUID id, Origin origin, String key, FailedMessage message, Failure failure, int attempts,
                         Instant firstFailedAt, Instant lastFailedAt, Instant nextAttemptAt, DeadLetterStatus status) {

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(firstFailedAt, "firstFailedAt");
        Objects.requireNonNull(lastFailedAt, "lastFailedAt");
        Objects.requireNonNull(status, "status");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
        }
        if ((status == DeadLetterStatus.RETRYING) != (nextAttemptAt != null)) {
            throw new IllegalArgumentException("a " + status + " letter " + (nextAttemptAt == null ? "needs" : "has no")
                    + " next attempt time");
        }
    }

    /** True while it is {@link DeadLetterStatus#RETRYING} or {@link DeadLetterStatus#PARKED}. */
    public boolean isOpen() {
        return status.isOpen();
    }

    /** True when it is retrying and its next attempt time is not after {@code now}. */
    public boolean isDue(Instant now) {
        return status == DeadLetterStatus.RETRYING && !nextAttemptAt.isAfter(now);
    }

    DeadLetter with(Failure newFailure, int newAttempts, Instant newFirstFailedAt, Instant newLastFailedAt,
                    Instant newNextAttemptAt, DeadLetterStatus newStatus) {
        return new DeadLetter(id, origin, key, message, newFailure, newAttempts, newFirstFailedAt, newLastFailedAt,
                newNextAttemptAt, newStatus);
    }

    DeadLetter withStatus(DeadLetterStatus newStatus, Instant newNextAttemptAt) {
        return with(failure, attempts, firstFailedAt, lastFailedAt, newNextAttemptAt, newStatus);
    }
}
