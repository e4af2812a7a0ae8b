package dev.ordo.core.deadletter;

import dev.ordo.core.store.TransientFailures;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands due letters to a handler: a success marks the letter resolved; a failure (any throwable, an {@link Error}
 * included) is recorded as another attempt, which parks the letter (and raises the alarm) once the policy's attempts
 * are used up. A {@linkplain TransientFailures transient} failure is not the message's: it is not recorded and the
 * redrive throws {@link RedriveDeferredException}, leaving the letter due. A redriven letter is thus delivered at least
 * once: a crash between the handler's success and the resolved mark hands it over again.
 *
 * <p>Run one redriver per origin at a time: two redrivers of the same origin may hand the same letter over twice.
 * Subscriptions with a poison policy redrive their own letters, so do not run one for their origin. Thread-safe.
 */
public final class DeadLetterRedriver {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRedriver.class);

    /** Handles the message of a letter again. */
    @FunctionalInterface
    public interface Handler {
        /** Handles the letter's message; returning normally means it was handled. */
        void handle(DeadLetter letter) throws Exception;
    }

    private final DeadLetterRecorder recorder;
    private final String actor;

    /**
     * @param actor who resolves the letters, for their history (for example {@code redriver:mailer})
     */
    public DeadLetterRedriver(DeadLetterRecorder recorder, String actor) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    /**
     * Hands every due retrying letter of an origin (up to {@code limit}, earliest first) to the handler once.
     *
     * @return the letters after their attempt
     * @throws RedriveDeferredException at the first transient failure; the letters after it were not handed over
     */
    public List<DeadLetter> runDue(Origin origin, int limit, Handler handler) {
        return recorder.store().dueForRetry(origin, limit).stream().map(letter -> redrive(letter, handler)).toList();
    }

    /**
     * Hands one letter to the handler and records the outcome: resolved on success; on failure another attempt,
     * parked after the last one. A letter that an operator resolved or discarded while the handler ran stays so.
     *
     * @return the letter after the attempt
     * @throws RedriveDeferredException when the handler failed transiently (or was interrupted); the letter is
     *                                  unchanged
     */
    public DeadLetter redrive(DeadLetter letter, Handler handler) {
        try {
            handler.handle(letter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedriveDeferredException("interrupted while dead letter " + letter.id() + " was redriven", e);
        } catch (Throwable e) {
            if (TransientFailures.isTransient(e)) {
                throw new RedriveDeferredException("dead letter " + letter.id() + " was not redriven: " + e, e);
            }
            return recorder.recordFailure(letter.origin(), letter.key(), letter.message(), e);
        }
        try {
            return recorder.store().resolve(letter.id(), actor, "handled on redrive");
        } catch (DeadLetterStateException e) {
            log.warn("dead letter {} was handled on redrive but changed meanwhile: {}", letter.id(), e.getMessage());
            return recorder.store().get(letter.id()).orElse(letter);
        }
    }
}
