package dev.ordo.spring.kafka;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.consumer.KafkaProcessManagers;
import dev.ordo.kafka.consumer.KafkaSubscription;
import dev.ordo.kafka.consumer.KafkaSubscriptionConfig;
import dev.ordo.saga.ProcessManager;
import dev.ordo.spring.ProcessManagerBeans;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Stream;

/**
 * Starts every {@link ProcessManager} bean on a Kafka subscription with an inbox once the application is ready (the
 * same code that follows the store elsewhere; at least once, with the same command ids on a repeat), and stops them
 * first on shutdown.
 */
public final class OrdoKafkaProcessManagersLifecycle extends KafkaConsumersLifecycle<ProcessManager<?>> {

    private final OrdoDatabase database;
    private final ProcessManagerBeans beans;
    private final DeadLetterRecorder deadLetters;
    private final MeterRegistry registry;

    OrdoKafkaProcessManagersLifecycle(OrdoKafkaProperties properties, OrdoDatabase database, ProcessManagerBeans beans,
                                      DeadLetterRecorder deadLetters, MeterRegistry registry, Tracing tracing) {
        super("ordo.kafka.process-managers", properties, properties.processManagers(), tracing);
        this.database = database;
        this.beans = beans;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    @Override
    Stream<ProcessManager<?>> definitions() {
        return beans.managers();
    }

    @Override
    String name(ProcessManager<?> definition) {
        return definition.name();
    }

    @Override
    KafkaSubscription start(KafkaSubscriptionConfig config, ProcessManager<?> definition) {
        EventSerializer serializer = beans.serializer();
        CommandBus commands = beans.commands();
        return KafkaProcessManagers.start(config, database, definition, serializer, commands, deadLetters, registry);
    }
}
