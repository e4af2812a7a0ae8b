package dev.ordo.core.deadletter;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a letter's history: every change of a letter appends one, and none is ever changed or removed.
 *
 * @param letterId the letter
 * @param action   what happened
 * @param actor    who did it: the origin ({@code subscription:orders}) for automatic actions, else the operator
 * @param at       when
 * @param note     why, or {@code null}
 */
public record DeadLetterAction(UUID letterId, Kind action, String actor, Instant at, String note) {

    /** What happened to a letter. */
    public enum Kind {
        /** An attempt failed (the first one opens the letter). */
        FAILED,
        /** Retrying stopped: the attempts ran out, or an operator parked it. */
        PARKED,
        /** The message was parked behind another letter of its key without being tried. */
        HELD,
        /** A parked letter was made due again. */
        REDRIVEN,
        /** An attempt succeeded, or the letter was settled by hand. */
        RESOLVED,
        /** An operator decided the message is never to be handled. */
        DISCARDED
    }

    public DeadLetterAction {
        Objects.requireNonNull(letterId, "letterId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
