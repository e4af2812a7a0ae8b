package dev.ordo.core.subscription;

import dev.ordo.core.event.RecordedEvent;
import java.util.List;

/**
 * What a subscription feeds: it owns its checkpoint, so a consumer that writes its effects and its checkpoint in
 * one transaction gets exactly-once effects, and one that saves the checkpoint after its effects gets
 * at-least-once delivery.
 */
public interface SubscriptionConsumer {

    /** The last position durably handled; the subscription reads from the next one. */
    long checkpoint();

    /**
     * Handles a page of events in position order. When it returns normally, {@link #checkpoint()} must be at least
     * the last event's position. When it throws, the subscription retries the same page after a backoff, or, with a
     * {@link PoisonPolicy} that parks poison events, hands its events over again one at a time.
     *
     * <p>With such a policy the page may also be a single event at or behind the checkpoint: a dead letter that was
     * redriven. The checkpoint must then not move backwards.
     */
    void handle(List<RecordedEvent> page) throws Exception;
}
