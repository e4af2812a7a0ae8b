package dev.ordo.kafka.consumer;

import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.subscription.Backoff;
import dev.ordo.core.trace.EventTraces;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.jdbc.OrdoDatabase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer-group subscription to relay-published topics with an inbox: each record's event is applied by an
 * {@link InboxHandler} in one durable database transaction that also records, per stream, the last version applied
 * ({@code ordo_inbox}); the offsets are committed to Kafka only after that transaction committed.
 *
 * <p>Guarantees: an event's effect (written through the handler's connection) happens exactly once, whatever
 * rebalances, crashes or redeliveries happen: a redelivered record whose version the inbox has is a repeat and is
 * skipped (counted). A record whose version skips versions not applied is a gap: never applied silently, it becomes a
 * dead letter ({@link StreamGapException}) and holds its stream. Per stream, events are applied in version order.
 *
 * <p>Failures: while the database fails transiently the batch is retried with backoff and nothing is committed. A
 * record that keeps failing (its handler throws, it is malformed) is tried {@link KafkaSubscriptionConfig#attempts()}
 * times, then recorded as a dead letter of origin {@code consumer:<group>} and its stream is held: the stream's later
 * records are parked behind it as held-back letters while other streams flow. The subscription redrives its own
 * letters between polls, in stream order: when the first letter of a held stream is due (retrying, or redriven by an
 * operator) it is applied through the inbox, and then those held behind it. Without a dead-letter recorder a failing
 * record is retried forever. Records are read {@code read_committed}.
 *
 * <p>Thread-safe: one thread of its own consumes; {@link #status()} and {@link #close()} may be called from any thread.
 */
public final class KafkaSubscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSubscription.class);

    /** Points where tests make the process die. */
    interface Faults {
        Faults NONE = () -> { };

        /** After the database committed a batch, before its offsets are committed. */
        void afterDatabaseCommit();

        /** After an {@link IdempotentEventHandler} reacted to a batch, before the inbox records it. */
        default void afterReactions() {
        }
    }

    private final KafkaSubscriptionConfig config;
    private final OrdoDatabase database;
    private final InboxHandler handler;
    private final IdempotentEventHandler reaction;
    private final Inbox inbox;
    private final HeldStreams held;
    private final Function<Map<String, Object>, Consumer<String, byte[]>> consumers;
    private final Faults faults;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Consumer<String, byte[]> consumer;
    private volatile KafkaSubscriptionStatus.State state = KafkaSubscriptionStatus.State.RUNNING;
    private volatile String lastError;
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();

    KafkaSubscription(KafkaSubscriptionConfig config, OrdoDatabase database, InboxHandler handler,
                      IdempotentEventHandler reaction, DeadLetterRecorder deadLetters,
                      Function<Map<String, Object>, Consumer<String, byte[]>> consumers, Faults faults) {
        this.config = config;
        this.database = database;
        this.handler = handler;
        this.reaction = reaction;
        this.inbox = new Inbox(database, config.group());
        this.held = deadLetters == null ? null : new HeldStreams(config.group(), deadLetters, this::applyAll);
        this.consumers = consumers;
        this.faults = faults;
        this.thread = Thread.ofPlatform().name("ordo-consumer-" + config.group()).unstarted(this::run);
    }

    /**
     * Migrates the inbox schema and starts consuming.
     *
     * @param deadLetters where records that keep failing go, or {@code null} to retry them forever
     * @param registry    where to publish the counters, or {@code null}
     */
    public static KafkaSubscription start(KafkaSubscriptionConfig config, OrdoDatabase database, InboxHandler handler,
                                          DeadLetterRecorder deadLetters, MeterRegistry registry) {
        return start(config, database, handler, deadLetters, registry, Faults.NONE);
    }

    /**
     * Migrates the inbox schema and starts consuming with a handler whose effects are outside the consumer's database:
     * each new event (not a repeat, no gap) is handed to it before the inbox records it, at least once (see
     * {@link IdempotentEventHandler}); everything else (order, gaps, dead letters, held streams) is as for
     * {@link #start(KafkaSubscriptionConfig, OrdoDatabase, InboxHandler, DeadLetterRecorder, MeterRegistry)}.
     */
    public static KafkaSubscription startIdempotent(KafkaSubscriptionConfig config, OrdoDatabase database,
                                                    IdempotentEventHandler handler, DeadLetterRecorder deadLetters,
                                                    MeterRegistry registry) {
        return startIdempotent(config, database, handler, deadLetters, registry, Faults.NONE);
    }

    static KafkaSubscription startIdempotent(KafkaSubscriptionConfig config, OrdoDatabase database,
                                             IdempotentEventHandler handler, DeadLetterRecorder deadLetters,
                                             MeterRegistry registry, Faults faults) {
        Objects.requireNonNull(handler, "handler");
        return start(config, database, null, handler, deadLetters, registry, faults, KafkaSubscription::consumer);
    }

    static KafkaSubscription start(KafkaSubscriptionConfig config, OrdoDatabase database, InboxHandler handler,
                                   DeadLetterRecorder deadLetters, MeterRegistry registry, Faults faults) {
        return start(config, database, handler, deadLetters, registry, faults, KafkaSubscription::consumer);
    }

    static KafkaSubscription start(KafkaSubscriptionConfig config, OrdoDatabase database, InboxHandler handler,
                                   DeadLetterRecorder deadLetters, MeterRegistry registry, Faults faults,
                                   Function<Map<String, Object>, Consumer<String, byte[]>> consumers) {
        Objects.requireNonNull(handler, "handler");
        return start(config, database, handler, null, deadLetters, registry, faults, consumers);
    }

    private static Consumer<String, byte[]> consumer(Map<String, Object> settings) {
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaSubscription start(KafkaSubscriptionConfig config, OrdoDatabase database, InboxHandler handler,
                                           IdempotentEventHandler reaction, DeadLetterRecorder deadLetters,
                                           MeterRegistry registry, Faults faults,
                                           Function<Map<String, Object>, Consumer<String, byte[]>> consumers) {
        Inbox.migrate(database);
        KafkaSubscription subscription = new KafkaSubscription(config, database, handler, reaction, deadLetters,
                consumers, faults);
        if (registry != null) {
            subscription.register(registry);
        }
        subscription.thread.start();
        return subscription;
    }

    /** What it has done so far. */
    public KafkaSubscriptionStatus status() {
        return new KafkaSubscriptionStatus(config.group(), thread.isAlive() ? state
                : KafkaSubscriptionStatus.State.STOPPED, applied.get(), repeats.get(),
                held == null ? 0 : held.letters(), held == null ? 0 : held.size(), failures.get(), lastError,
                assigned.size());
    }

    private void register(MeterRegistry registry) {
        String group = config.group();
        FunctionCounter.builder("ordo.consumer.applied", applied, AtomicLong::get).tag("group", group)
                .description("events applied through the inbox").register(registry);
        FunctionCounter.builder("ordo.consumer.repeats", repeats, AtomicLong::get).tag("group", group)
                .description("redelivered records the inbox had applied already").register(registry);
        FunctionCounter.builder("ordo.consumer.failures", failures, AtomicLong::get).tag("group", group)
                .description("failed attempts").register(registry);
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>(config.kafka());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "ordo-consumer-" + config.group());
        return settings;
    }

    private void run() {
        try (Consumer<String, byte[]> created = consumers.apply(settings())) {
            consumer = created;
            created.subscribe(config.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned.removeAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned.addAll(partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    assigned.removeAll(partitions);
                }
            });
            while (closing.getCount() > 0) {
                if (held != null) {
                    held.redriveDue();
                }
                ConsumerRecords<String, byte[]> records = created.poll(config.pollTimeout());
                if (records.isEmpty()) {
                    continue;
                }
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                handle(batch);
                faults.afterDatabaseCommit();
                commit(created, batch);
            }
        } catch (WakeupException | InterruptedException e) {
            log.debug("consumer group {} stops", config.group());
        } catch (RuntimeException e) {
            lastError = e.toString();
            log.error("consumer group {} stopped on an unexpected failure", config.group(), e);
        } finally {
            assigned.clear();
            state = KafkaSubscriptionStatus.State.STOPPED;
        }
    }

    /**
     * Applies a poll's records in one transaction; when one of them fails for a reason of its own (or is malformed, or
     * of a held stream), record by record instead. A transient failure retries the whole batch.
     */
    private void handle(List<ConsumerRecord<String, byte[]>> batch) throws InterruptedException {
        Backoff backoff = new Backoff(config.maxBackoff());
        while (true) {
            try {
                List<RecordedEvent> events = new ArrayList<>(batch.size());
                for (ConsumerRecord<String, byte[]> record : batch) {
                    RecordedEvent event = ConsumedEvents.of(record);
                    if (held != null && held.holds(event.streamId())) {
                        throw new HeldStreamException(event.streamId());
                    }
                    events.add(event);
                }
                applyAll(events, false);
                state = KafkaSubscriptionStatus.State.RUNNING;
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        handleOne(record);
                    }
                    state = KafkaSubscriptionStatus.State.RUNNING;
                    return;
                }
                failed(e);
                pause(backoff);
            }
        }
    }

    /**
     * Applies one record, trying it again after failures; with dead letters, it becomes one after the configured
     * attempts (at once when it is malformed or after a gap), and a record of a held stream is held back.
     */
    private void handleOne(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Backoff backoff = new Backoff(config.maxBackoff());
        int attempts = 0;
        while (true) {
            try {
                RecordedEvent event = ConsumedEvents.of(record);
                if (held != null && held.holds(event.streamId())) {
                    held.holdBack(event);
                    return;
                }
                try {
                    applyAll(List.of(event), false);
                    return;
                } catch (RuntimeException e) {
                    failed(e);
                    attempts += TransientFailures.isTransient(e) ? 0 : 1;
                    if (held != null && (e instanceof StreamGapException || e instanceof UnsupportedEventException
                            || attempts >= config.attempts())) {
                        held.deadLetter(event, e);
                        return;
                    }
                }
            } catch (MalformedRecordException e) {
                failed(e);
                if (held != null) {
                    held.malformed(record, e);
                    return;
                }
            }
            pause(backoff);
        }
    }

    /**
     * Applies events through the inbox in one durable transaction: repeats are skipped, a gap throws
     * {@link StreamGapException} unless accepted, anything thrown rolls back all of them. An idempotent handler has
     * reacted to the new ones before, outside that transaction.
     */
    void applyAll(List<RecordedEvent> events, boolean acceptGap) {
        if (!config.tracing().enabled()) {
            applyAllUntraced(events, acceptGap);
            return;
        }
        try (TraceSpan span = EventTraces.start(config.tracing(), "consume " + config.group(), events,
                RecordedEvent::metadata)) {
            span.tag("ordo.consumer.group", config.group()).tag("ordo.events", Integer.toString(events.size()));
            try {
                applyAllUntraced(events, acceptGap);
            } catch (RuntimeException | Error e) {
                span.error(e);
                throw e;
            }
        }
    }

    private void applyAllUntraced(List<RecordedEvent> events, boolean acceptGap) {
        if (reaction != null) {
            reactTo(events, acceptGap);
        }
        int[] repeated = new int[1];
        int done = database.inTransaction(OrdoDatabase.Writes.DURABLE, connection -> {
            List<RecordedEvent> fresh = fresh(connection, events, acceptGap, repeated);
            for (RecordedEvent event : fresh) {
                if (handler != null) {
                    apply(connection, event);
                }
                inbox.record(connection, event);
            }
            return fresh.size();
        });
        applied.addAndGet(done);
        repeats.addAndGet(repeated[0]);
    }

    /**
     * Hands the events that the inbox does not have to the idempotent handler, in order, outside the inbox's
     * transaction (on SQLite a handler that appends needs the writer connection the inbox's transaction would hold).
     */
    private void reactTo(List<RecordedEvent> events, boolean acceptGap) {
        List<RecordedEvent> fresh = database.inTransaction(OrdoDatabase.Writes.DERIVED,
                connection -> fresh(connection, events, acceptGap, new int[1]));
        for (RecordedEvent event : fresh) {
            try {
                reaction.react(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new HandlerException(event, e);
            }
        }
        faults.afterReactions();
    }

    /**
     * The events the inbox does not have yet, in order, counting repeats into {@code repeated[0]}.
     *
     * @throws StreamGapException when an event skips versions not applied, unless the gap is accepted
     * @throws UnsupportedEventException when known types are given and the event's is not one of them
     */
    private List<RecordedEvent> fresh(Connection connection, List<RecordedEvent> events, boolean acceptGap,
                                      int[] repeated) throws SQLException {
        Map<StreamId, Long> last = new HashMap<>();
        List<RecordedEvent> fresh = new ArrayList<>(events.size());
        for (RecordedEvent event : events) {
            Long known = last.get(event.streamId());
            long version = known != null ? known : inbox.lastVersion(connection, event.streamId());
            if (event.streamVersion() <= version) {
                repeated[0]++;
                continue;
            }
            if (event.streamVersion() != version + 1 && !acceptGap) {
                throw new StreamGapException(event.streamId(), version + 1, event.streamVersion());
            }
            requireKnown(event);
            fresh.add(event);
            last.put(event.streamId(), event.streamVersion());
        }
        return fresh;
    }

    /** Refuses an event of a type the handler does not know, or of a newer schema version, when types are given. */
    private void requireKnown(RecordedEvent event) {
        if (config.knownTypes() == null) {
            return;
        }
        var known = config.knownTypes().find(event.eventType());
        if (known.isEmpty()) {
            throw new UnsupportedEventException(event, "the type is unknown to consumer group " + config.group());
        }
        if (event.schemaVersion() > known.get().schemaVersion()) {
            throw new UnsupportedEventException(event, "schema version " + event.schemaVersion()
                    + " is newer than the " + known.get().schemaVersion() + " consumer group " + config.group()
                    + " knows");
        }
    }

    private void apply(Connection connection, RecordedEvent event) throws SQLException {
        try {
            handler.apply(connection, event);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerException(event, e);
        }
    }

    /**
     * Commits the batch's offsets. A commit refused because the group rebalanced (or Kafka failing) is logged and
     * passed over: the batch is applied, so whoever gets its partitions finds its records in the inbox as repeats.
     */
    private void commit(Consumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> batch) {
        try {
            consumer.commitSync(nextOffsets(batch));
        } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
            throw e;
        } catch (org.apache.kafka.common.KafkaException e) {
            log.warn("consumer group {}: the offsets of an applied batch were not committed ({}); its records will "
                    + "come again as repeats", config.group(), e.toString());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    private void failed(Throwable e) {
        failures.incrementAndGet();
        lastError = e.toString();
        state = KafkaSubscriptionStatus.State.RETRYING;
        log.warn("consumer group {}: {}", config.group(), e.toString());
    }

    private void pause(Backoff backoff) throws InterruptedException {
        if (closing.await(backoff.next().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("closing");
        }
    }

    /** Stops consuming after the batch in hand (its offsets are committed when it was applied). Idempotent. */
    @Override
    public void close() {
        closing.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (!thread.join(Duration.ofSeconds(30))) {
                log.warn("consumer group {} did not stop within 30 s", config.group());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A record of a held stream in a batch: the batch is taken record by record. */
    private static final class HeldStreamException extends RuntimeException {
        HeldStreamException(StreamId stream) {
            super("stream " + stream + " is held behind a dead letter", null, false, false);
        }
    }

    /** A handler's checked exception, carried out of the transaction. */
    static final class HandlerException extends RuntimeException {
        HandlerException(RecordedEvent event, Exception cause) {
            super("the handler failed on event " + event.eventId() + " (" + event.streamId() + " v"
                    + event.streamVersion() + "): " + cause, cause);
        }
    }
}
