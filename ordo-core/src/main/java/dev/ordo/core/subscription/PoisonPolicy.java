package dev.ordo.core.subscription;

/**
 * What a subscription does with an event its consumer keeps failing on (a poison event). With a policy other than
 * {@link #RETRY_FOREVER}, a failing page is retried one event at a time so that only the failing event is set aside
 * and every other one is handled once; each failed attempt of that event is recorded in the dead-letter store and it
 * is parked after the dead-letter policy's last attempt. The subscription redelivers its own letters once they are
 * redriven ({@code DeadLetterStore.redrive}); see {@code docs/adr/0010-dead-letters.md}.
 */
public enum PoisonPolicy {

    /** Retry the failing page with backoff until it succeeds; never skip an event. The default. */
    RETRY_FOREVER,

    /**
     * For independent handlers: park the poison event and continue with the next events. A redriven event is
     * delivered after events that came later in the log.
     */
    PARK_AND_CONTINUE,

    /**
     * When order matters within a stream: park the poison event and hold back every later event of the same stream
     * (each is parked as a held-back letter, {@code Failure.HELD_BACK}) while other streams continue. When the poison
     * event is redriven and handled (or resolved or discarded by an operator), the held-back events of its stream
     * are delivered in stream order, then the stream flows again.
     */
    STOP_STREAM
}
