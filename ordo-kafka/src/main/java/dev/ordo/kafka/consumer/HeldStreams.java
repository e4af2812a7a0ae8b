package dev.ordo.kafka.consumer;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.deadletter.DeadLetterRedriver;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Failure;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.deadletter.RedriveDeferredException;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The dead letters of a Kafka subscription and the streams they hold. A stream is held from its first dead letter
 * until every open letter of it was applied (or resolved or discarded by an operator); meanwhile its records are
 * parked behind it. Redriving applies a held stream's letters in stream order, the first one when it is due, those
 * held back behind it right after. Redriving a gap's letter by hand (an operator's redrive, attempts back to 0)
 * accepts the gap: the event is applied without the versions it skips. Confined to the subscription's thread, except
 * {@link #size()} and {@link #letters()}.
 */
final class HeldStreams {

    /** Applies events through the inbox. */
    interface Applier {
        void apply(List<RecordedEvent> events, boolean acceptGap);
    }

    private static final Set<String> OWN_HEADERS = Set.of(FailedMessage.STREAM_ID, FailedMessage.STREAM_VERSION,
            "schema-version", "recorded-at", "correlation-id", "causation-id", "actor", "traceparent");

    private final Origin origin;
    private final DeadLetterRecorder recorder;
    private final DeadLetterRedriver redriver;
    private final Applier applier;
    private final Clock clock = Clock.systemUTC();
    /** How often the letters of held streams are looked at: each look reads the origin's letters. */
    private static final Duration REDRIVE_CHECK = Duration.ofSeconds(1);

    private final Set<StreamId> held = ConcurrentHashMap.newKeySet();
    private final AtomicLong letters = new AtomicLong();
    private long nextCheckNanos = System.nanoTime();

    HeldStreams(String group, DeadLetterRecorder recorder, Applier applier) {
        this.origin = Origin.consumer(group);
        this.recorder = recorder;
        this.redriver = new DeadLetterRedriver(recorder, origin.toString());
        this.applier = applier;
        for (DeadLetter letter : recorder.store().list(DeadLetterQuery.all().withOrigin(origin)
                .page(0, DeadLetterQuery.MAX_LIMIT))) {
            if (letter.isOpen() && letter.key() != null && letter.message().headers().containsKey(
                    FailedMessage.STREAM_ID)) {
                held.add(StreamId.of(letter.key()));
            }
        }
    }

    boolean holds(StreamId stream) {
        return held.contains(stream);
    }

    int size() {
        return held.size();
    }

    long letters() {
        return letters.get();
    }

    /** Records the event's failure as a dead letter and holds its stream. */
    void deadLetter(RecordedEvent event, Throwable error) {
        recorder.recordFailure(origin, event.streamId().value(), FailedMessage.of(event), error);
        held.add(event.streamId());
        letters.incrementAndGet();
    }

    /** Parks the event behind the dead letter that holds its stream. */
    void holdBack(RecordedEvent event) {
        recorder.store().hold(origin, event.streamId().value(), FailedMessage.of(event),
                "held behind an earlier dead letter of stream " + event.streamId());
        letters.incrementAndGet();
    }

    /** Records a record that carries no event; it holds nothing (it has no stream) and waits for an operator. */
    void malformed(ConsumerRecord<String, byte[]> record, MalformedRecordException error) {
        String id = record.topic() + "-" + record.partition() + "@" + record.offset();
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        DeadLetter letter = recorder.recordFailure(origin, record.key(), new FailedMessage(id, "malformed-record",
                payload, null, Map.of("topic", record.topic())), error);
        if (letter.status() == DeadLetterStatus.RETRYING) {
            recorder.store().park(letter.id(), origin.toString(), "a malformed record cannot be applied");
        }
        letters.incrementAndGet();
    }

    /**
     * Applies the letters of held streams that are due, each stream's in order; frees streams left with none. Looks at
     * most once per {@link #REDRIVE_CHECK}.
     */
    void redriveDue() {
        if (held.isEmpty() || System.nanoTime() - nextCheckNanos < 0) {
            return;
        }
        nextCheckNanos = System.nanoTime() + REDRIVE_CHECK.toNanos();
        Instant now = clock.instant();
        for (StreamId stream : List.copyOf(held)) {
            List<DeadLetter> open = openLetters(stream);
            if (!open.isEmpty() && startsNow(open.getFirst(), now)) {
                for (DeadLetter letter : open) {
                    DeadLetter after;
                    try {
                        after = redriver.redrive(letter, l -> applier.apply(List.of(eventOf(l)), acceptsGap(l)));
                    } catch (RedriveDeferredException e) {
                        return;
                    }
                    if (after.isOpen()) {
                        break;
                    }
                }
                open = openLetters(stream);
            }
            if (open.isEmpty()) {
                held.remove(stream);
            }
        }
    }

    private static boolean startsNow(DeadLetter first, Instant now) {
        return first.isDue(now) || Failure.HELD_BACK.equals(first.failure().type());
    }

    private static boolean acceptsGap(DeadLetter letter) {
        return letter.attempts() == 0 && StreamGapException.class.getName().equals(letter.failure().type());
    }

    private List<DeadLetter> openLetters(StreamId stream) {
        return recorder.store().list(DeadLetterQuery.all().withOrigin(origin).page(0, DeadLetterQuery.MAX_LIMIT))
                .stream().filter(l -> l.isOpen() && stream.value().equals(l.key()))
                .sorted(Comparator.comparingLong(HeldStreams::versionOf)).toList();
    }

    private static long versionOf(DeadLetter letter) {
        return Long.parseLong(letter.message().headers().getOrDefault(FailedMessage.STREAM_VERSION, "0"));
    }

    /** The event a letter keeps (see {@link FailedMessage#of(RecordedEvent)}). */
    static RecordedEvent eventOf(DeadLetter letter) {
        FailedMessage message = letter.message();
        Map<String, String> headers = message.headers();
        EventMetadata metadata = EventMetadata.empty().withCorrelationId(headers.get("correlation-id"))
                .withCausationId(headers.get("causation-id")).withActor(headers.get("actor"))
                .withTraceParent(headers.get("traceparent"));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!OWN_HEADERS.contains(header.getKey())) {
                metadata = metadata.with(header.getKey(), header.getValue());
            }
        }
        return new RecordedEvent(UUID.fromString(message.id()), StreamId.of(headers.get(FailedMessage.STREAM_ID)),
                Long.parseLong(headers.get(FailedMessage.STREAM_VERSION)),
                message.position() == null ? 0 : message.position(), message.type(),
                Integer.parseInt(headers.getOrDefault("schema-version", "1")), message.payload(), metadata,
                Instant.parse(headers.get("recorded-at")));
    }
}
