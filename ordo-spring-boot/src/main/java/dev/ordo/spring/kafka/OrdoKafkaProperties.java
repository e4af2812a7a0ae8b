package dev.ordo.spring.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ordo's Kafka settings under {@code ordo.kafka.*}. Immutable: Spring binds them once, through the constructors.
 *
 * @param bootstrapServers the brokers, for example {@code localhost:9092}; required once anything Kafka is enabled
 * @param client           further Kafka client settings shared by every Ordo client (security, client id...), for
 *                         example {@code ordo.kafka.client.security.protocol=SSL}
 * @param healthTimeout    how long the health check waits for the cluster to answer
 * @param relay            the outbox relay, which publishes the store's events to Kafka
 * @param projections      read models fed from Kafka topics instead of the store
 * @param processManagers  process managers fed from Kafka topics instead of the store
 * @param sagas            where the replies to the sagas' remote steps are read
 */
@ConfigurationProperties("ordo.kafka")
public record OrdoKafkaProperties(String bootstrapServers, Map<String, String> client,
                                  @DefaultValue("1s") Duration healthTimeout, @DefaultValue Relay relay,
                                  @DefaultValue Consumers projections, @DefaultValue Consumers processManagers,
                                  @DefaultValue Sagas sagas) {

    public OrdoKafkaProperties {
        client = client == null ? Map.of() : Map.copyOf(client);
    }

    /** The brokers, or a clear error naming the property when they are not set. */
    public String requireBootstrapServers() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("ordo.kafka.bootstrap-servers must be set to use Kafka");
        }
        return bootstrapServers;
    }

    /**
     * The outbox relay: one per store and name is active across all instances of the application (the others stand
     * by), so every instance may enable it.
     *
     * @param enabled            whether this application runs the relay (off by default)
     * @param name               the relay's name; names its transactional id and its position topic
     * @param categories         the stream categories published; empty publishes every event
     * @param topicPrefix        the prefix of the topic a category is published to ({@code <prefix><category>})
     * @param topics             topics of their own for some categories, for example
     *                           {@code ordo.kafka.relay.topics.order=shop.orders}
     * @param batchSize          the most events in one Kafka transaction
     * @param pollInterval       how long the relay waits for a commit signal before reading the log anyway
     * @param maxBackoff         the longest pause between retries while Kafka or the store fails
     * @param leaseCheckInterval how often a standby tries to take over, and the active relay checks its lease
     * @param kafkaTimeout       how long one call to Kafka may block before it fails and is retried
     */
    public record Relay(@DefaultValue("false") boolean enabled, @DefaultValue("ordo") String name,
                        List<String> categories, @DefaultValue("") String topicPrefix, Map<String, String> topics,
                        @DefaultValue("500") int batchSize, @DefaultValue("1s") Duration pollInterval,
                        @DefaultValue("30s") Duration maxBackoff, @DefaultValue("1s") Duration leaseCheckInterval,
                        @DefaultValue("10s") Duration kafkaTimeout) {

        public Relay {
            categories = categories == null ? List.of() : List.copyOf(categories);
            topics = topics == null ? Map.of() : Map.copyOf(topics);
        }
    }

    /**
     * Consumers fed from Kafka instead of the store: under {@code ordo.kafka.projections}, with {@code enabled} every
     * {@code JdbcProjection} bean runs on a Kafka subscription with an inbox; under
     * {@code ordo.kafka.process-managers}, every {@code ProcessManager} bean. Each has its own consumer group,
     * {@code <group-prefix><name>}.
     *
     * @param enabled     feed them from Kafka (off: they follow the store, the default)
     * @param names       only these are fed from Kafka, the others follow the store; empty: all of them
     * @param topics      the topics they read, published by a relay
     * @param groupPrefix the prefix of each one's consumer group, for example the service's name and a dot
     * @param attempts    how many times a failing event is tried before it becomes a dead letter holding its stream
     * @param maxBackoff  the longest pause between retries while the database or an event fails
     */
    public record Consumers(@DefaultValue("false") boolean enabled, List<String> names, List<String> topics,
                            @DefaultValue("") String groupPrefix, @DefaultValue("3") int attempts,
                            @DefaultValue("30s") Duration maxBackoff) {

        public Consumers {
            names = names == null ? List.of() : List.copyOf(names);
            topics = topics == null ? List.of() : List.copyOf(topics);
        }
    }

    /**
     * The replies to the remote steps of the application's sagas: with {@code reply-topic} set, a {@code SagaEngine}
     * bean and a {@code StepMessageTypes} bean, a reply listener reads the topic into the engine.
     *
     * @param replyTopic the topic the participants answer on (the one the step channel names); unset: no listener
     * @param replyGroup the listener's consumer group; every instance of the application joins it
     * @param maxBackoff the longest pause while recording a reply fails for a transient reason
     */
    public record Sagas(String replyTopic, @DefaultValue("ordo-saga-replies") String replyGroup,
                        @DefaultValue("5s") Duration maxBackoff) {
    }
}
