package dev.ordo.core.deadletter;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps dead letters and the history of each. A letter is identified by its {@link Origin} and its message's id:
 * recording another failure of the same message counts another attempt of the same letter. Every change follows
 * {@link DeadLetterTransitions}, is atomic, and appends to the letter's history, which is never rewritten. Times come
 * from the store's clock (kept to the microsecond). Implementations are thread-safe.
 *
 * <p>Changes that a letter's status does not allow throw {@link DeadLetterStateException}; changes of an unknown
 * letter throw {@link NoSuchElementException}. A store that cannot reach its storage throws an unchecked exception
 * and changes nothing.
 */
public interface DeadLetterStore {

    /**
     * Records a failed attempt to handle a message: opens a letter with 1 attempt, or counts one more attempt of the
     * open letter of the same origin and message id, and sets its next attempt time by the policy's delay. When the
     * attempts reach the policy's maximum the letter is parked instead. A parked letter stays parked (the attempt is
     * counted); a resolved or discarded letter is reopened with 1 attempt. The key and message of an existing letter
     * are kept; its failure is replaced.
     *
     * @param key what the message is about (such as a stream id), or {@code null}
     * @return the letter after the change
     */
    DeadLetter recordFailure(Origin origin, String key, FailedMessage message, Failure failure,
                             DeadLetterPolicy policy);

    /**
     * Parks a message that did not fail but has to wait behind another letter of the same key, with
     * {@link Failure#heldBack} and 0 attempts. Idempotent: an open letter of the same message is returned unchanged.
     *
     * @return the letter after the change
     */
    DeadLetter hold(Origin origin, String key, FailedMessage message, String reason);

    /** The letter with that id. */
    Optional<DeadLetter> get(UUID id);

    /** The letter of that origin and message id. */
    Optional<DeadLetter> find(Origin origin, String messageId);

    /** The letters matching the query, in the order they were opened. */
    List<DeadLetter> list(DeadLetterQuery query);

    /**
     * How many letters are in a status, by origin; origins with no letter in that status are left out. Reads neither
     * messages nor histories, so that a health check can ask every few seconds.
     *
     * @return an unmodifiable map, in no particular order
     */
    Map<Origin, Long> countByOrigin(DeadLetterStatus status);

    /**
     * The retrying letters of an origin whose next attempt time has come, earliest first.
     *
     * @param limit the most letters to return, at least 1
     */
    List<DeadLetter> dueForRetry(Origin origin, int limit);

    /**
     * Marks an open letter resolved, typically after a retry succeeded.
     *
     * @param actor who did it, for the history
     * @param note  why, or {@code null}
     */
    DeadLetter resolve(UUID id, String actor, String note);

    /** Stops retrying a retrying letter: it waits for an operator. */
    DeadLetter park(UUID id, String actor, String note);

    /**
     * Makes a parked letter due now with a fresh budget of attempts: its {@code attempts} go back to 0 (the history
     * keeps the earlier ones), so a message whose fault was fixed gets the policy's full retries again.
     */
    DeadLetter redrive(UUID id, String actor, String note);

    /**
     * Redrives every parked letter of an origin, as {@link #redrive} does one.
     *
     * @return how many letters were redriven
     */
    int redriveAll(Origin origin, String actor, String note);

    /** Gives up an open letter for good. */
    DeadLetter discard(UUID id, String actor, String note);

    /**
     * The history of a letter, oldest first; empty for an unknown id.
     */
    List<DeadLetterAction> history(UUID id);
}
