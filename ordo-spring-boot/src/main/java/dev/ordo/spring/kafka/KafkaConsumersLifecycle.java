package dev.ordo.spring.kafka;

import dev.ordo.core.trace.Tracing;
import dev.ordo.kafka.consumer.KafkaSubscription;
import dev.ordo.spring.FedFromKafka;
import dev.ordo.kafka.consumer.KafkaSubscriptionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a Kafka subscription with an inbox for each bean of a kind fed from Kafka (all, or those of
 * {@code <prefix>.names}) once the application is ready, in consumer group
 * {@code <group-prefix><name>}, and closes them first on shutdown, before the stores close.
 *
 * @param <T> the kind of bean (a projection, a process manager)
 */
abstract class KafkaConsumersLifecycle<T> implements SmartLifecycle {

    private final String property;
    private final OrdoKafkaProperties properties;
    private final OrdoKafkaProperties.Consumers settings;
    private final Tracing tracing;
    private final List<KafkaSubscription> running = new ArrayList<>();

    /**
     * @param property the property prefix of the settings, for error messages ({@code ordo.kafka.projections})
     * @param tracing  where the subscriptions' spans go
     */
    KafkaConsumersLifecycle(String property, OrdoKafkaProperties properties, OrdoKafkaProperties.Consumers settings,
                            Tracing tracing) {
        this.property = property;
        this.properties = properties;
        this.settings = settings;
        this.tracing = tracing;
    }

    /** The beans to run, in order. */
    abstract Stream<T> definitions();

    /** A bean's name, which names its consumer group. */
    abstract String name(T definition);

    /** Starts a bean's subscription. */
    abstract KafkaSubscription start(KafkaSubscriptionConfig config, T definition);

    /** The subscription of each bean, in start order. */
    public synchronized List<KafkaSubscription> subscriptions() {
        return List.copyOf(running);
    }

    @Override
    public synchronized void start() {
        FedFromKafka fed = new FedFromKafka(settings.enabled(), settings.names());
        List<T> definitions = definitions().filter(definition -> fed.test(name(definition))).toList();
        if (definitions.isEmpty()) {
            return;
        }
        if (settings.topics().isEmpty()) {
            throw new IllegalStateException(property + ".enabled needs " + property + ".topics");
        }
        for (T definition : definitions) {
            KafkaSubscriptionConfig config = KafkaSubscriptionConfig.of(settings.groupPrefix() + name(definition),
                    properties.requireBootstrapServers(), settings.topics().toArray(String[]::new))
                    .withMaxBackoff(settings.maxBackoff()).withAttempts(settings.attempts()).withTracing(tracing);
            for (var setting : properties.client().entrySet()) {
                config = config.withKafka(setting.getKey(), setting.getValue());
            }
            running.add(start(config, definition));
        }
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
