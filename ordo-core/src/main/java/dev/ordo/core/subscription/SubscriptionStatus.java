package dev.ordo.core.subscription;

import java.time.Instant;

/**
 * A snapshot of a subscription's progress.
 *
 * @param name         the subscription
 * @param state        what it is doing
 * @param checkpoint   the last position its consumer handled
 * @param head         the head of the log when last looked at
 * @param lagEvents    how many positions it is behind the head (0 when caught up)
 * @param lagSeconds   how old the oldest unhandled event is, 0 when caught up
 * @param failures     how many times handling a page has failed since start
 * @param lastError    the last failure's message, or {@code null}
 * @param lastActivity when it last handled a page or found nothing to do
 */
public record SubscriptionStatus(String name, State state, long checkpoint, long head, long lagEvents,
                                 double lagSeconds, long failures, String lastError, Instant lastActivity) {

    /** The lifecycle of a subscription. */
    public enum State {
        /** Reading pages that are already committed. */
        CATCHING_UP,
        /** At the head, waiting for new commits. */
        LIVE,
        /** Its last page failed; it retries after a backoff. */
        RETRYING,
        /** Stopped. */
        STOPPED
    }
}
