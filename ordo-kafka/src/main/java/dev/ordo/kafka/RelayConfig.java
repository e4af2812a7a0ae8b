package dev.ordo.kafka;

import dev.ordo.core.store.EventFilter;
import dev.ordo.core.trace.Tracing;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a relay publishes. Immutable; built with {@link #builder(String, String)}.
 *
 * @param name               the relay's name: unique per store and per Kafka cluster; it names the producer's
 *                           {@code transactional.id} and the position topic
 * @param kafka              client settings shared by the relay's producer, consumer and admin client
 *                           ({@code bootstrap.servers} at least; security settings go here too)
 * @param topics             which topic each stream's events go to
 * @param filter             which events of {@code $all} are published (the others are skipped)
 * @param batchSize          the most events in one Kafka transaction
 * @param pollInterval       how long the relay waits for a commit signal before reading the log anyway
 * @param maxBackoff         the longest pause between retries while Kafka or the store fails (doubling from 100 ms)
 * @param leaseCheckInterval how often a standby tries to take the lease, and the active relay checks that it still
 *                           holds it: a standby takes over within about this long after the active relay dies
 * @param kafkaTimeout       how long one call to Kafka may block (metadata, transaction start, reading the position)
 *                           before it fails and is retried
 * @param positionTopic      the compacted topic, one partition, in which each transaction records the relay's position
 * @param transactionalId    the producer's {@code transactional.id}
 * @param tracing            where the spans of the published events go: each event is published in a span
 *                           {@code publish <topic>} continuing the event's trace, whose {@code traceparent} the record
 *                           carries
 */
public record RelayConfig(String name, Map<String, Object> kafka, TopicMapping topics, EventFilter filter,
                          int batchSize, Duration pollInterval, Duration maxBackoff, Duration leaseCheckInterval,
                          Duration kafkaTimeout, String positionTopic, String transactionalId, Tracing tracing) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    public RelayConfig {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a relay name is 1 to 200 ASCII letters, digits, '.', '_' or '-'; was '"
                    + name + "'");
        }
        kafka = Map.copyOf(kafka);
        if (!kafka.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("the Kafka settings of relay '" + name + "' lack bootstrap.servers");
        }
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(filter, "filter");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        requirePositive(pollInterval, "pollInterval");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(leaseCheckInterval, "leaseCheckInterval");
        requirePositive(kafkaTimeout, "kafkaTimeout");
        Objects.requireNonNull(positionTopic, "positionTopic");
        Objects.requireNonNull(transactionalId, "transactionalId");
        Objects.requireNonNull(tracing, "tracing");
    }

    /**
     * A configuration with defaults: every event, topics by category, 500 events per transaction, polling every
     * second, backoff up to 30 s, lease checks every second, Kafka calls bounded to 10 s, position topic
     * {@code <name>.position}, transactional id {@code ordo-relay-<name>}, no spans (the records carry the events'
     * own {@code traceparent}).
     */
    public static Builder builder(String name, String bootstrapServers) {
        return new Builder(name, bootstrapServers);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
    }

    /** Builds a {@link RelayConfig}. Not thread-safe. */
    public static final class Builder {

        private final String name;
        private final Map<String, Object> kafka = new LinkedHashMap<>();
        private TopicMapping topics = TopicMapping.byCategory();
        private EventFilter filter = EventFilter.all();
        private int batchSize = 500;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration leaseCheckInterval = Duration.ofSeconds(1);
        private Duration kafkaTimeout = Duration.ofSeconds(10);
        private String positionTopic;
        private String transactionalId;
        private Tracing tracing = Tracing.none();

        private Builder(String name, String bootstrapServers) {
            this.name = Objects.requireNonNull(name, "name");
            kafka.put("bootstrap.servers", Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        }

        /** A Kafka client setting (security, client id, producer tuning such as {@code linger.ms}). */
        public Builder kafka(String key, Object value) {
            kafka.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder topics(TopicMapping topics) {
            this.topics = topics;
            return this;
        }

        public Builder filter(EventFilter filter) {
            this.filter = filter;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Builder leaseCheckInterval(Duration leaseCheckInterval) {
            this.leaseCheckInterval = leaseCheckInterval;
            return this;
        }

        public Builder kafkaTimeout(Duration kafkaTimeout) {
            this.kafkaTimeout = kafkaTimeout;
            return this;
        }

        public Builder positionTopic(String positionTopic) {
            this.positionTopic = positionTopic;
            return this;
        }

        public Builder transactionalId(String transactionalId) {
            this.transactionalId = transactionalId;
            return this;
        }

        /** Where the spans of the published events go. */
        public Builder tracing(Tracing tracing) {
            this.tracing = tracing;
            return this;
        }

        /**
         * @throws IllegalArgumentException when a setting is out of range
         */
        public RelayConfig build() {
            return new RelayConfig(name, kafka, topics, filter, batchSize, pollInterval, maxBackoff,
                    leaseCheckInterval, kafkaTimeout, positionTopic != null ? positionTopic : name + ".position",
                    transactionalId != null ? transactionalId : "ordo-relay-" + name, tracing);
        }
    }
}
