package dev.ordo.spring.kafka;

import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.consumer.KafkaProjections;
import dev.ordo.kafka.consumer.KafkaSubscription;
import dev.ordo.kafka.consumer.KafkaSubscriptionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Starts every {@link JdbcProjection} bean on a Kafka subscription with an inbox once the application is ready
 * (the same projection code that follows the store elsewhere), and stops them first on shutdown.
 */
public final class OrdoKafkaProjectionsLifecycle extends KafkaConsumersLifecycle<JdbcProjection> {

    private final OrdoDatabase database;
    private final ObjectProvider<JdbcProjection> definitions;
    private final DeadLetterRecorder deadLetters;
    private final MeterRegistry registry;

    OrdoKafkaProjectionsLifecycle(OrdoKafkaProperties properties, OrdoDatabase database,
                                  ObjectProvider<JdbcProjection> definitions, DeadLetterRecorder deadLetters,
                                  MeterRegistry registry, Tracing tracing) {
        super("ordo.kafka.projections", properties, properties.projections(), tracing);
        this.database = database;
        this.definitions = definitions;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Override
    Stream<JdbcProjection> definitions() {
        return definitions.orderedStream();
    }

    @Override
    String name(JdbcProjection definition) {
        return definition.name();
    }

    @Override
    KafkaSubscription start(KafkaSubscriptionConfig config, JdbcProjection definition) {
        return KafkaProjections.start(config, database, definition, deadLetters, registry);
    }
}
