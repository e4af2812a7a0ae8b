package dev.ordo.spring.kafka;

import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The Kafka client settings every Ordo client of the application shares: {@code ordo.kafka.bootstrap-servers} and
 * {@code ordo.kafka.client.*}. Hand {@link #properties()} to the builders of the saga step classes
 * ({@code KafkaStepChannel}, {@code StepParticipantEndpoint}). Immutable.
 */
public final class OrdoKafkaClients {

    private final OrdoKafkaProperties kafka;

    OrdoKafkaClients(OrdoKafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** A new copy of the settings, which the caller may change. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.putAll(kafka.client());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.requireBootstrapServers());
        return properties;
    }
}
