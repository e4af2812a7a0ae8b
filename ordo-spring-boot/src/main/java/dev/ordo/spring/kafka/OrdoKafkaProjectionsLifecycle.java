package dev.ordo.spring.kafka;

import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.consumer.KafkaProjections;
import dev.ordo.kafka.consumer.KafkaSubscription;
import dev.ordo.kafka.consumer.KafkaSubscriptionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts every {@link JdbcProjection} bean on a Kafka subscription with an inbox once the application is ready
 * (the same projection code that follows the store elsewhere), and stops them first on shutdown.
 */
public final class OrdoKafkaProjectionsLifecycle implements SmartLifecycle {

    private final OrdoKafkaProperties properties;
    private final OrdoDatabase database;
    private final ObjectProvider<JdbcProjection> definitions;
    private final DeadLetterRecorder deadLetters;
    private final MeterRegistry registry;
    private final List<KafkaSubscription> running = new ArrayList<>();

    OrdoKafkaProjectionsLifecycle(OrdoKafkaProperties properties, OrdoDatabase database,
                                  ObjectProvider<JdbcProjection> definitions, DeadLetterRecorder deadLetters,
                                  MeterRegistry registry) {
        this.properties = properties;
        this.database = database;
        this.definitions = definitions;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    /** The subscription of each projection, in start order. */
    public synchronized List<KafkaSubscription> subscriptions() {
        return List.copyOf(running);
    }

    @Override
    public synchronized void start() {
        OrdoKafkaProperties.Projections projections = properties.projections();
        if (projections.topics().isEmpty()) {
            throw new IllegalStateException("ordo.kafka.projections.enabled needs ordo.kafka.projections.topics");
        }
        definitions.orderedStream().forEach(projection -> {
            KafkaSubscriptionConfig config = KafkaSubscriptionConfig.of(projections.groupPrefix() + projection.name(),
                    properties.requireBootstrapServers(), projections.topics().toArray(String[]::new))
                    .withMaxBackoff(projections.maxBackoff()).withAttempts(projections.attempts());
            for (var setting : properties.client().entrySet()) {
                config = config.withKafka(setting.getKey(), setting.getValue());
            }
            running.add(KafkaProjections.start(config, database, projection, deadLetters, registry));
        });
    }

    @Override
    public synchronized void stop() {
        running.forEach(KafkaSubscription::close);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }
}
