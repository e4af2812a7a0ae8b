package dev.ordo.kafka.consumer;

import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.trace.Tracing;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a Kafka subscription consumes. Immutable.
 *
 * @param group          the consumer group, also the inbox's and the dead letters' name ({@code consumer:<group>})
 * @param topics         the topics read
 * @param kafka          client settings ({@code bootstrap.servers} at least)
 * @param pollTimeout    how long one poll waits for records
 * @param maxBackoff     the longest pause between retries while the database fails, or a record keeps failing
 * @param attempts       how many times a failing record is tried before it becomes a dead letter and holds its stream
 * @param knownTypes     the event types (and their current schema versions) the handler understands, or {@code null}
 *                       to hand it every event: with it, an event of an unknown type or of a newer schema version is
 *                       a dead letter at once ({@link UnsupportedEventException}) instead of reaching the handler
 * @param tracing        where the spans go: each batch is applied in a span {@code consume <group>} continuing the
 *                       trace of its first event that names one (the {@code traceparent} header), linked to the
 *                       others; a process manager's reactions have spans of their own
 */
public record KafkaSubscriptionConfig(String group, List<String> topics, Map<String, Object> kafka,
                                      Duration pollTimeout, Duration maxBackoff, int attempts,
                                      EventTypeRegistry knownTypes, Tracing tracing) {

    public KafkaSubscriptionConfig {
        Objects.requireNonNull(group, "group");
        if (group.isBlank()) {
            throw new IllegalArgumentException("a consumer group name must not be blank");
        }
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("consumer group '" + group + "' reads no topic");
        }
        kafka = Map.copyOf(kafka);
        if (!kafka.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("the Kafka settings of consumer group '" + group
                    + "' lack bootstrap.servers");
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        Objects.requireNonNull(tracing, "tracing");
    }

    /** Polls of 500 ms, backoff up to 30 s, 3 attempts before a record becomes a dead letter, no spans. */
    public static KafkaSubscriptionConfig of(String group, String bootstrapServers, String... topics) {
        Map<String, Object> kafka = new LinkedHashMap<>();
        kafka.put("bootstrap.servers", Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        return new KafkaSubscriptionConfig(group, List.of(topics), kafka, Duration.ofMillis(500),
                Duration.ofSeconds(30), 3, null, Tracing.none());
    }

    /** A copy with another Kafka client setting. */
    public KafkaSubscriptionConfig withKafka(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(kafka);
        copy.put(key, value);
        return new KafkaSubscriptionConfig(group, topics, copy, pollTimeout, maxBackoff, attempts, knownTypes,
                tracing);
    }

    public KafkaSubscriptionConfig withMaxBackoff(Duration value) {
        return new KafkaSubscriptionConfig(group, topics, kafka, pollTimeout, value, attempts, knownTypes, tracing);
    }

    public KafkaSubscriptionConfig withAttempts(int value) {
        return new KafkaSubscriptionConfig(group, topics, kafka, pollTimeout, maxBackoff, value, knownTypes, tracing);
    }

    /** A copy that hands the handler only events of these types, at most of their registered schema versions. */
    public KafkaSubscriptionConfig withKnownTypes(EventTypeRegistry value) {
        return new KafkaSubscriptionConfig(group, topics, kafka, pollTimeout, maxBackoff, attempts, value, tracing);
    }

    /** A copy whose spans go to {@code value}. */
    public KafkaSubscriptionConfig withTracing(Tracing value) {
        return new KafkaSubscriptionConfig(group, topics, kafka, pollTimeout, maxBackoff, attempts, knownTypes, value);
    }
}
