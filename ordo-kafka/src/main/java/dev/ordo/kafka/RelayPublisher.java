package dev.ordo.kafka;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.subscription.SubscriptionConsumer;
import dev.ordo.core.trace.EventTraces;
import dev.ordo.core.trace.TraceSpan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes pages of events in Kafka transactions, each ending with the relay's new position (see
 * {@link PositionTopic}), and knows the last committed position. The subscription that feeds it is its only caller
 * of {@link #handle}; the other methods are safe from any thread.
 *
 * <p>Any failure discards the producer without committing (its open transaction is aborted, at the latest by the next
 * producer of the same transactional id). The next page then starts a new producer, whose initialization completes or
 * aborts every earlier transaction of the id, and reads the position again: so a transaction whose commit failed
 * halfway (the outcome unknown here) is counted exactly as Kafka decided, and no event is published twice or
 * skipped. When another producer of the same transactional id fenced this one, it stops publishing for good.
 *
 * <p>With tracing ({@link RelayConfig#tracing()}), each event is handed to the producer in a span
 * {@code publish <topic>} that continues the event's trace, and its record carries that span's {@code traceparent}.
 */
final class RelayPublisher implements SubscriptionConsumer {

    private static final Logger log = LoggerFactory.getLogger(RelayPublisher.class);

    private final RelayConfig config;
    private final PositionTopic positions;
    private final Function<Map<String, Object>, Producer<String, byte[]>> producers;
    /** The publish spans' names by topic, made once. */
    private final Map<String, String> spanNames = new ConcurrentHashMap<>();

    private volatile Producer<String, byte[]> producer;
    private volatile long position = -1;
    private volatile boolean fenced;
    private volatile long published;

    RelayPublisher(RelayConfig config, Function<Map<String, Object>, Producer<String, byte[]>> producers) {
        this.config = config;
        this.positions = new PositionTopic(config);
        this.producers = producers;
    }

    /**
     * Starts a producer (fencing any other of the same transactional id and completing its transactions) and reads
     * the committed position.
     *
     * @throws RelayFencedException when this publisher was fenced earlier
     * @throws org.apache.kafka.common.KafkaException when Kafka fails or does not answer in time
     */
    void open() throws InterruptedException {
        if (fenced) {
            throw new RelayFencedException(config.name());
        }
        if (producer != null) {
            return;
        }
        positions.ensureExists();
        Producer<String, byte[]> created = producers.apply(producerSettings());
        try {
            created.initTransactions();
            position = positions.read();
        } catch (RuntimeException | Error e) {
            closeNow(created);
            throw e;
        }
        producer = created;
        log.info("relay {} resumes after position {}", config.name(), position);
    }

    @Override
    public long checkpoint() {
        return Math.max(position, 0);
    }

    @Override
    public void handle(List<RecordedEvent> page) throws Exception {
        try {
            open();
            long committed = position;
            List<RecordedEvent> fresh = page.stream().filter(e -> e.position() > committed).toList();
            if (!fresh.isEmpty()) {
                publish(fresh);
            }
        } catch (Throwable e) {
            discard(e);
            throw e;
        }
    }

    private void publish(List<RecordedEvent> events) {
        producer.beginTransaction();
        for (RecordedEvent event : events) {
            String topic = config.topics().topicFor(event.streamId());
            if (!config.tracing().enabled()) {
                send(topic, event);
                continue;
            }
            String name = spanNames.computeIfAbsent(topic, t -> "publish " + t);
            try (TraceSpan span = config.tracing().start(name, event.metadata().traceParent())) {
                if (span.recording()) {
                    span.tag("ordo.stream", event.streamId().value()).tag("ordo.event.type", event.eventType())
                            .tag("ordo.position", Long.toString(event.position()));
                }
                send(topic, EventTraces.withTraceParent(event, span.traceParent()));
            }
        }
        RecordedEvent last = events.getLast();
        producer.send(positions.record(last.position()));
        producer.commitTransaction();
        position = last.position();
        published += events.size();
    }

    private void send(String topic, RecordedEvent event) {
        producer.send(new ProducerRecord<>(topic, null, event.streamId().value(),
                event.payload().getBytes(StandardCharsets.UTF_8), RelayHeaders.of(event)));
    }

    /** The last committed position, -1 before it was first read. */
    long position() {
        return position;
    }

    /** How many events this publisher committed. */
    long published() {
        return published;
    }

    boolean isFenced() {
        return fenced;
    }

    /** Closes the producer; a transaction still open is aborted by Kafka. */
    void close() {
        Producer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(config.kafkaTimeout());
            } catch (RuntimeException e) {
                log.warn("relay {}: closing its producer failed", config.name(), e);
            }
        }
    }

    private void discard(Throwable cause) {
        if (isFencing(cause)) {
            fenced = true;
            log.warn("relay {} was fenced by another producer of transactional id {}; it stops publishing",
                    config.name(), config.transactionalId());
        }
        Producer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
            closeNow(current);
        }
    }

    private void closeNow(Producer<String, byte[]> discarded) {
        try {
            discarded.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.debug("relay {}: closing a failed producer failed too", config.name(), e);
        }
    }

    private static boolean isFencing(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException
                    || e instanceof TransactionalIdAuthorizationException || e instanceof RelayFencedException) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(config.kafka());
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.kafkaTimeout().toMillis());
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ordo-relay-" + config.name());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArraySerializer.class);
        return settings;
    }
}
