package dev.ordo.core.subscription;

import dev.ordo.core.event.RecordedEvent;
import java.util.List;
import java.util.Objects;

/**
 * A consumer that runs a handler and then saves its checkpoint: at-least-once delivery (after a crash between
 * the two, the page is handled again), so the handler must be idempotent. A redriven dead letter comes as a page of one
 * event behind the checkpoint, which stays where it is.
 */
public final class CheckpointedConsumer implements SubscriptionConsumer {

    /** Handles a page of events. */
    @FunctionalInterface
    public interface PageHandler {
        void handle(List<RecordedEvent> page) throws Exception;
    }

    private final String name;
    private final CheckpointStore checkpoints;
    private final PageHandler handler;
    private volatile long checkpoint;

    public CheckpointedConsumer(String name, CheckpointStore checkpoints, PageHandler handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.checkpoint = checkpoints.load(name);
    }

    @Override
    public long checkpoint() {
        return checkpoint;
    }

    @Override
    public void handle(List<RecordedEvent> page) throws Exception {
        handler.handle(page);
        long last = page.getLast().position();
        checkpoints.save(name, last);
        checkpoint = Math.max(checkpoint, last);
    }
}
