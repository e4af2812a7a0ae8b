package dev.ordo.core.deadletter;

import dev.ordo.core.deadletter.DeadLetterAction.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The life of a dead letter as pure functions: the current letter (or none) and a request give the new letter and
 * the actions to append to its history. Every {@link DeadLetterStore} applies these inside its own atomic step, so
 * all stores behave alike; they never read a clock or a random source. Thread-safe.
 *
 * <pre>
 *  (none) --fail--> RETRYING --fail, attempts left--> RETRYING
 *                   RETRYING --fail, last attempt / park--> PARKED --redrive--> RETRYING (attempts 0, due now)
 *  (none) --hold--> PARKED (held back, attempts 0)
 *  RETRYING | PARKED --resolve--> RESOLVED;   RETRYING | PARKED --discard--> DISCARDED
 *  PARKED --fail--> PARKED (one more attempt counted);   RESOLVED | DISCARDED --fail--> RETRYING (reopened)
 * </pre>
 */
public final class DeadLetterTransitions {

    private DeadLetterTransitions() {
    }

    /**
     * The outcome of a request.
     *
     * @param letter  the letter after the request
     * @param actions what to append to its history, in order; empty when nothing changed
     */
    public record Change(DeadLetter letter, List<DeadLetterAction> actions) {

        public Change {
            Objects.requireNonNull(letter, "letter");
            actions = List.copyOf(actions);
        }

        /** True when the letter changed (and so must be written). */
        public boolean changed() {
            return !actions.isEmpty();
        }
    }

    /**
     * Records a failed attempt: opens a letter (attempt 1), counts another attempt of an open one, or reopens a
     * resolved or discarded one. A retrying letter whose attempts reach the policy's maximum is parked; a parked one
     * stays parked. The actor of the actions is the origin.
     *
     * @param current the letter of this origin and message id, or {@code null}
     * @param newId   the id for a new letter (unused when {@code current} exists)
     */
    public static Change recordFailure(DeadLetter current, UUID newId, Origin origin, String key, FailedMessage message,
                                       Failure failure, DeadLetterPolicy policy, Instant now) {
        String actor = origin.toString();
        if (current != null && current.status() == DeadLetterStatus.PARKED) {
            int attempts = current.attempts() + 1;
            DeadLetter letter = current.with(failure, attempts, current.firstFailedAt(), now, null,
                    DeadLetterStatus.PARKED);
            return new Change(letter, List.of(action(letter, Kind.FAILED, actor, now,
                    "attempt " + attempts + " (while parked): " + failure.summary())));
        }
        boolean retrying = current != null && current.status() == DeadLetterStatus.RETRYING;
        int attempts = retrying ? current.attempts() + 1 : 1;
        Instant firstFailedAt = retrying ? current.firstFailedAt() : now;
        String reopened = current != null && !retrying ? " (reopened after " + current.status() + ")" : "";
        DeadLetter base = current != null ? current
                : new DeadLetter(newId, origin, key, message, failure, 0, now, now, null, DeadLetterStatus.PARKED);
        DeadLetterAction failed = action(base, Kind.FAILED, actor, now,
                "attempt " + attempts + reopened + ": " + failure.summary());
        if (attempts >= policy.maxAttempts()) {
            DeadLetter letter = base.with(failure, attempts, firstFailedAt, now, null, DeadLetterStatus.PARKED);
            return new Change(letter, List.of(failed, action(letter, Kind.PARKED, actor, now,
                    "gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s"))));
        }
        Instant next = now.plus(policy.delayAfter(attempts));
        DeadLetter letter = base.with(failure, attempts, firstFailedAt, now, next, DeadLetterStatus.RETRYING);
        return new Change(letter, List.of(failed));
    }

    /**
     * Parks a message that did not fail but must wait behind another letter of its key. An open letter of the same
     * message is left as it is (no change); a resolved or discarded one is reopened as held back.
     *
     * @param current the letter of this origin and message id, or {@code null}
     * @param newId   the id for a new letter (unused when {@code current} exists)
     */
    public static Change hold(DeadLetter current, UUID newId, Origin origin, String key, FailedMessage message,
                              String reason, Instant now) {
        if (current != null && current.isOpen()) {
            return new Change(current, List.of());
        }
        DeadLetter letter = new DeadLetter(current == null ? newId : current.id(), origin,
                current == null ? key : current.key(), current == null ? message : current.message(),
                Failure.heldBack(reason), 0, now, now, null, DeadLetterStatus.PARKED);
        return new Change(letter, List.of(action(letter, Kind.HELD, origin.toString(), now, reason)));
    }

    /** Marks an open letter resolved. */
    public static Change resolve(DeadLetter current, String actor, String note, Instant now) {
        require(current, "resolve", DeadLetterStatus.RETRYING, DeadLetterStatus.PARKED);
        DeadLetter letter = current.withStatus(DeadLetterStatus.RESOLVED, null);
        return new Change(letter, List.of(action(letter, Kind.RESOLVED, actor, now, note)));
    }

    /** Stops retrying a retrying letter. */
    public static Change park(DeadLetter current, String actor, String note, Instant now) {
        require(current, "park", DeadLetterStatus.RETRYING);
        DeadLetter letter = current.withStatus(DeadLetterStatus.PARKED, null);
        return new Change(letter, List.of(action(letter, Kind.PARKED, actor, now, note)));
    }

    /**
     * Makes a parked letter due now with a fresh budget of attempts (its earlier attempts stay in the history), so
     * that a message whose fault was fixed gets the policy's full retries again.
     */
    public static Change redrive(DeadLetter current, String actor, String note, Instant now) {
        require(current, "redrive", DeadLetterStatus.PARKED);
        DeadLetter letter = current.with(current.failure(), 0, current.firstFailedAt(), current.lastFailedAt(), now,
                DeadLetterStatus.RETRYING);
        String text = "after " + current.attempts() + " attempt" + (current.attempts() == 1 ? "" : "s")
                + (note == null ? "" : ": " + note);
        return new Change(letter, List.of(action(letter, Kind.REDRIVEN, actor, now, text)));
    }

    /** Gives up an open letter for good. */
    public static Change discard(DeadLetter current, String actor, String note, Instant now) {
        require(current, "discard", DeadLetterStatus.RETRYING, DeadLetterStatus.PARKED);
        DeadLetter letter = current.withStatus(DeadLetterStatus.DISCARDED, null);
        return new Change(letter, List.of(action(letter, Kind.DISCARDED, actor, now, note)));
    }

    private static void require(DeadLetter current, String action, DeadLetterStatus... allowed) {
        Objects.requireNonNull(current, "current");
        if (!List.of(allowed).contains(current.status())) {
            throw new DeadLetterStateException(current.id(), current.status(), action,
                    String.join(" or ", Stream.of(allowed).map(Enum::name).toList()));
        }
    }

    private static DeadLetterAction action(DeadLetter letter, Kind kind, String actor, Instant at, String note) {
        return new DeadLetterAction(letter.id(), kind, Objects.requireNonNull(actor, "actor"), at, note);
    }
}
