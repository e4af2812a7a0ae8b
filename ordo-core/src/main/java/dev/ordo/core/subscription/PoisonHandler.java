package dev.ordo.core.subscription;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.deadletter.DeadLetterStateException;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.TransientFailures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reading side of a subscription's dead letters. It hands a page to the consumer without the events that are
 * already set aside; when the page fails, it hands its events over one at a time, so that only the poison event is
 * recorded, retried after the policy's delays on the subscription's thread, and finally parked, while every other
 * event is handled once. Any throwable of the consumer counts, an {@link Error} included, except a
 * {@linkplain TransientFailures transient} one: then the database or the network is away, not the event at fault, so
 * the same page or event is tried again with backoff until it is back, and nothing is recorded. When the dead-letter
 * store cannot record a failure, the event is tried again with backoff as well. With {@link PoisonPolicy#STOP_STREAM}
 * (when {@code blocks} is given) it holds back the later events of a stream that has an open letter. Confined to the
 * subscription's thread.
 */
final class PoisonHandler {

    private static final Logger log = LoggerFactory.getLogger(PoisonHandler.class);
    private static final Duration RESOLVE_RETRY = Duration.ofSeconds(1);

    /** Waits on the subscription's thread; false when the subscription is stopping. */
    @FunctionalInterface
    interface Pause {
        boolean pause(Duration duration);
    }

    private final Origin origin;
    private final SubscriptionConsumer consumer;
    private final DeadLetterRecorder recorder;
    private final StreamBlocks blocks;
    private final Clock clock;
    private final Pause pause;
    private final Consumer<Throwable> failed;
    private final Duration maxBackoff;
    /** Events after the checkpoint that have an open letter, by event id: their position. */
    private final Map<String, Long> setAside = new HashMap<>();

    /**
     * @param blocks     the stream blocks for {@link PoisonPolicy#STOP_STREAM}, or {@code null}
     * @param failed     told of every failed attempt, for the subscription's status
     * @param maxBackoff the longest pause while the consumer's database or the dead-letter store is away
     */
    PoisonHandler(Origin origin, SubscriptionConsumer consumer, DeadLetterRecorder recorder, StreamBlocks blocks,
                  Clock clock, Pause pause, Consumer<Throwable> failed, Duration maxBackoff) {
        this.origin = origin;
        this.consumer = consumer;
        this.recorder = recorder;
        this.blocks = blocks;
        this.clock = clock;
        this.pause = pause;
        this.failed = failed;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Loads the subscription's open letters: the events after the checkpoint that have one were set aside before a
     * restart and are not handed to the consumer again (the redrive step delivers them); with stream blocks, every
     * open letter blocks its stream.
     */
    void load(long checkpoint) {
        setAside.clear();
        for (DeadLetterStatus status : List.of(DeadLetterStatus.RETRYING, DeadLetterStatus.PARKED)) {
            DeadLetterQuery query = DeadLetterQuery.all().withOrigin(origin).withStatus(status)
                    .page(0, DeadLetterQuery.MAX_LIMIT);
            for (int page = 1; ; page++) {
                List<DeadLetter> letters = recorder.store().list(query);
                letters.forEach(letter -> remember(letter, checkpoint));
                if (letters.size() < query.limit()) {
                    break;
                }
                query = query.page(page, DeadLetterQuery.MAX_LIMIT);
            }
        }
    }

    private void remember(DeadLetter letter, long checkpoint) {
        Long position = letter.message().position();
        if (position == null) {
            return;
        }
        if (position > checkpoint) {
            setAside.put(letter.message().id(), position);
        }
        if (blocks != null && letter.key() != null) {
            blocks.add(letter.key(), position, letter.id());
        }
    }

    /**
     * Hands a page to the consumer; when that fails, its events one at a time.
     *
     * @throws InterruptedException when the subscription stops while an event waits for its next attempt
     * @throws RuntimeException     when the dead-letter store cannot hold back an event of a blocked stream; the page
     *                              is then retried from the checkpoint
     */
    void deliver(List<RecordedEvent> page) throws InterruptedException {
        List<RecordedEvent> admitted = new ArrayList<>(page.size());
        for (RecordedEvent event : page) {
            if (setAside.containsKey(event.eventId().toString())) {
                continue;
            }
            if (isBlocked(event)) {
                hold(event);
            } else {
                admitted.add(event);
            }
        }
        if (!admitted.isEmpty()) {
            deliverPage(admitted);
        }
        long last = page.getLast().position();
        setAside.values().removeIf(position -> position <= last);
    }

    private void deliverPage(List<RecordedEvent> admitted) throws InterruptedException {
        Backoff outage = new Backoff(maxBackoff);
        while (true) {
            try {
                consumer.handle(admitted);
                return;
            } catch (Throwable error) {
                stopWhenInterrupted(error);
                failed.accept(error);
                if (!TransientFailures.isTransient(error)) {
                    log.info("subscription {}: a page of {} events failed ({}); handing them over one at a time",
                            origin.name(), admitted.size(), error.toString());
                    deliverOneByOne(admitted);
                    return;
                }
                waitOut(outage, "a page of " + admitted.size() + " events", error);
            }
        }
    }

    private void deliverOneByOne(List<RecordedEvent> admitted) throws InterruptedException {
        for (RecordedEvent event : admitted) {
            if (event.position() <= consumer.checkpoint()) {
                continue;
            }
            if (isBlocked(event)) {
                hold(event);
            } else {
                deliverAlone(event);
            }
        }
    }

    /** Tries one event until it is handled or parked. */
    private void deliverAlone(RecordedEvent event) throws InterruptedException {
        DeadLetter letter = null;
        Backoff outage = new Backoff(maxBackoff);
        while (true) {
            try {
                consumer.handle(List.of(event));
            } catch (Throwable error) {
                stopWhenInterrupted(error);
                failed.accept(error);
                if (TransientFailures.isTransient(error)) {
                    waitOut(outage, "event " + event.eventId(), error);
                    continue;
                }
                DeadLetter recorded = record(event, error, outage);
                if (recorded == null) {
                    continue;
                }
                outage.reset();
                letter = recorded;
                if (letter.status() != DeadLetterStatus.RETRYING) {
                    if (blocks != null) {
                        blocks.add(event.streamId().value(), event.position(), letter.id());
                    }
                    return;
                }
                Duration wait = Duration.between(clock.instant(), letter.nextAttemptAt());
                if (!pause.pause(wait.isNegative() ? Duration.ZERO : wait)) {
                    throw new InterruptedException("stopped while event " + event.eventId() + " waited for attempt "
                            + (letter.attempts() + 1));
                }
                continue;
            }
            if (letter != null) {
                resolve(letter);
            }
            return;
        }
    }

    /** Records a failed attempt; {@code null} (after a pause) when the dead-letter store cannot record it now. */
    private DeadLetter record(RecordedEvent event, Throwable error, Backoff outage) throws InterruptedException {
        try {
            return recorder.recordFailure(origin, event.streamId().value(), FailedMessage.of(event), error);
        } catch (RuntimeException storeFailure) {
            failed.accept(storeFailure);
            waitOut(outage, "the dead letter of event " + event.eventId(), storeFailure);
            return null;
        }
    }

    /** Pauses before another try while the infrastructure is away. */
    private void waitOut(Backoff outage, String what, Throwable error) throws InterruptedException {
        Duration wait = outage.next();
        log.warn("subscription {}: {} not handled for a reason outside it ({}); trying again in {} ms",
                origin.name(), what, error.toString(), wait.toMillis());
        if (!pause.pause(wait)) {
            throw new InterruptedException("stopped while " + what + " waited for the database");
        }
    }

    private static void stopWhenInterrupted(Throwable error) throws InterruptedException {
        if (error instanceof InterruptedException interrupted) {
            throw interrupted;
        }
    }

    /** Marks a letter resolved after its event was handled, insisting: an open letter would be delivered again. */
    private void resolve(DeadLetter letter) throws InterruptedException {
        while (true) {
            try {
                recorder.store().resolve(letter.id(), origin.toString(),
                        "handled on attempt " + (letter.attempts() + 1));
                return;
            } catch (DeadLetterStateException | NoSuchElementException e) {
                log.warn("subscription {}: dead letter {} changed while its event was retried: {}", origin.name(),
                        letter.id(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.warn("subscription {}: cannot mark dead letter {} resolved yet: {}", origin.name(), letter.id(),
                        e.toString());
                if (!pause.pause(RESOLVE_RETRY)) {
                    throw new InterruptedException("stopped before dead letter " + letter.id() + " was resolved");
                }
            }
        }
    }

    private boolean isBlocked(RecordedEvent event) {
        return blocks != null && blocks.isBlocked(event.streamId().value());
    }

    private void hold(RecordedEvent event) {
        String stream = event.streamId().value();
        Map.Entry<Long, UUID> blocker = blocks.head(stream);
        DeadLetter letter = recorder.store().hold(origin, stream, FailedMessage.of(event),
                "held back behind position " + blocker.getKey() + " of stream " + stream);
        blocks.add(stream, event.position(), letter.id());
    }
}
