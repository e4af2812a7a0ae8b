package dev.ordo.core.subscription;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.deadletter.DeadLetterRedriver;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventReader;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The redrive step of a subscription's dead letters, run on the subscription's thread between pages: it delivers the
 * subscription's own due letters again, reading their events from the log. It only touches letters of events the
 * main loop has passed, so an event is never in both hands.
 *
 * <p>{@link PoisonPolicy#PARK_AND_CONTINUE}: every due letter, earliest due first. {@link PoisonPolicy#STOP_STREAM}
 * (when {@code blocks} is given): per blocked stream only its first open letter, in stream order; a held-back letter
 * that becomes first is redriven at once, so that after the poison event the held-back events follow in order and
 * the stream is unblocked when none is left. Confined to the subscription's thread.
 */
final class SubscriptionRedrive {

    private final Origin origin;
    private final EventReader reader;
    private final SubscriptionConsumer consumer;
    private final DeadLetterStore store;
    private final DeadLetterRedriver redriver;
    private final StreamBlocks blocks;
    private final Clock clock;
    private final int limit;

    /**
     * @param blocks the stream blocks for {@link PoisonPolicy#STOP_STREAM}, or {@code null}
     * @param limit  the most letters looked at per run
     */
    SubscriptionRedrive(Origin origin, EventReader reader, SubscriptionConsumer consumer, DeadLetterRecorder recorder,
                        StreamBlocks blocks, Clock clock, int limit) {
        this.origin = origin;
        this.reader = reader;
        this.consumer = consumer;
        this.store = recorder.store();
        this.redriver = new DeadLetterRedriver(recorder, origin.toString());
        this.blocks = blocks;
        this.clock = clock;
        this.limit = limit;
    }

    /**
     * Delivers the due letters of events up to {@code passed}.
     *
     * @throws RuntimeException when the dead-letter store fails
     */
    void run(long passed) {
        if (blocks == null) {
            for (DeadLetter letter : store.dueForRetry(origin, limit)) {
                Long position = letter.message().position();
                if (position != null && position <= passed) {
                    redriver.redrive(letter, this::deliver);
                }
            }
        } else {
            for (String stream : blocks.streams()) {
                advance(stream, passed);
            }
        }
    }

    private void advance(String stream, long passed) {
        while (true) {
            Map.Entry<Long, UUID> head = blocks.head(stream);
            if (head == null || head.getKey() > passed) {
                return;
            }
            DeadLetter letter = store.get(head.getValue()).orElse(null);
            if (letter == null || !letter.isOpen()) {
                blocks.remove(stream, head.getKey());
                continue;
            }
            if (letter.status() == DeadLetterStatus.PARKED) {
                if (!letter.failure().isHeldBack()) {
                    return;
                }
                letter = store.redrive(letter.id(), origin.toString(), "stream " + stream + " unblocked");
            }
            if (!letter.isDue(clock.instant())) {
                return;
            }
            if (redriver.redrive(letter, this::deliver).isOpen()) {
                return;
            }
            blocks.remove(stream, head.getKey());
        }
    }

    private void deliver(DeadLetter letter) throws Exception {
        long position = letter.message().position();
        List<RecordedEvent> found = reader.readAll(position, 1, EventFilter.all());
        if (found.isEmpty() || !found.getFirst().eventId().toString().equals(letter.message().id())) {
            throw new IllegalStateException("event " + letter.message().id() + " is no longer at position " + position
                    + " of the log");
        }
        consumer.handle(found);
    }
}
