package dev.ordo.spring.kafka;

import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.OutboxRelay;
import dev.ordo.kafka.RelayConfig;
import dev.ordo.kafka.RelayLease;
import dev.ordo.kafka.TopicMapping;
import dev.ordo.kafka.saga.StepMessageTypes;
import dev.ordo.saga.SagaEngine;
import dev.ordo.spring.OrdoAutoConfiguration;
import dev.ordo.spring.OrdoProperties;
import dev.ordo.spring.ProcessManagerBeans;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Ordo's Kafka side from {@link OrdoKafkaProperties} when {@code ordo-kafka} is on the classpath: with
 * {@code ordo.kafka.relay.enabled=true}, an {@link OutboxRelay} publishing the store's events (leased by a PostgreSQL
 * advisory lock on PostgreSQL, so that one instance publishes and the others stand by; within the JVM on SQLite),
 * with its metrics; with {@code ordo.kafka.projections.enabled=true}, every {@code JdbcProjection} bean fed from Kafka
 * topics through an inbox instead of the store (dead letters in the store's {@code DeadLetterStore}); with
 * {@code ordo.kafka.process-managers.enabled=true}, every {@code ProcessManager} bean likewise; with
 * {@code ordo.kafka.sagas.reply-topic}, the replies to remote saga steps read into the {@code SagaEngine} bean (and
 * {@link OrdoKafkaClients} for the step channel's and participants' builders); and, with Spring
 * Boot's health support and {@code ordo.kafka.bootstrap-servers} set, the {@code ordoKafka} health indicator.
 */
@AutoConfiguration(after = OrdoAutoConfiguration.class)
@ConditionalOnClass(OutboxRelay.class)
@EnableConfigurationProperties(OrdoKafkaProperties.class)
public class OrdoKafkaAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("ordo.kafka.relay.enabled")
    OutboxRelay ordoOutboxRelay(OrdoKafkaProperties kafka, OrdoProperties ordo, OrdoDatabase database,
                                JdbcEventStore store, HeadSignal signal, ObjectProvider<MeterRegistry> meters,
                                ObjectProvider<Tracing> tracing) {
        RelayConfig config = relayConfig(kafka, tracing.getIfAvailable(Tracing::none));
        RelayLease lease = switch (ordo.store().type()) {
            case POSTGRES -> RelayLease.postgresAdvisoryLock(database.writeDataSource(), config.name());
            case SQLITE -> RelayLease.inProcess(ordo.store().sqlite().path().toAbsolutePath() + ":" + config.name());
        };
        return OutboxRelay.start(config, store, signal, lease, meters.getIfAvailable());
    }

    /** Every {@code JdbcProjection} bean fed from Kafka, when {@code ordo.kafka.projections.enabled}. */
    @Bean
    @ConditionalOnBooleanProperty("ordo.kafka.projections.enabled")
    OrdoKafkaProjectionsLifecycle ordoKafkaProjectionsLifecycle(OrdoKafkaProperties kafka, OrdoDatabase database,
                                                                ObjectProvider<JdbcProjection> definitions,
                                                                DeadLetterStore deadLetters, DeadLetterPolicy policy,
                                                                ObjectProvider<MeterRegistry> meters,
                                                                ObjectProvider<Tracing> tracing) {
        MeterRegistry registry = meters.getIfAvailable();
        return new OrdoKafkaProjectionsLifecycle(kafka, database, definitions,
                new DeadLetterRecorder(deadLetters, policy, registry), registry, tracing.getIfAvailable(Tracing::none));
    }

    /** Every {@code ProcessManager} bean fed from Kafka, when {@code ordo.kafka.process-managers.enabled}. */
    @Bean
    @ConditionalOnBooleanProperty("ordo.kafka.process-managers.enabled")
    OrdoKafkaProcessManagersLifecycle ordoKafkaProcessManagersLifecycle(OrdoKafkaProperties kafka,
                                                                        OrdoDatabase database,
                                                                        ProcessManagerBeans beans,
                                                                        DeadLetterStore deadLetters,
                                                                        DeadLetterPolicy policy,
                                                                        ObjectProvider<MeterRegistry> meters,
                                                                        ObjectProvider<Tracing> tracing) {
        MeterRegistry registry = meters.getIfAvailable();
        return new OrdoKafkaProcessManagersLifecycle(kafka, database, beans,
                new DeadLetterRecorder(deadLetters, policy, registry), registry, tracing.getIfAvailable(Tracing::none));
    }

    /** The client settings shared by Ordo's Kafka clients, for the saga step classes' builders. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("ordo.kafka.bootstrap-servers")
    OrdoKafkaClients ordoKafkaClients(OrdoKafkaProperties kafka) {
        return new OrdoKafkaClients(kafka);
    }

    /** Saga replies read into the {@code SagaEngine} bean, when {@code ordo.kafka.sagas.reply-topic} is set. */
    @Bean
    @ConditionalOnProperty({"ordo.kafka.bootstrap-servers", "ordo.kafka.sagas.reply-topic"})
    @ConditionalOnBean({SagaEngine.class, StepMessageTypes.class})
    OrdoKafkaReplyListenerLifecycle ordoKafkaReplyListenerLifecycle(OrdoKafkaClients clients,
                                                                    OrdoKafkaProperties kafka,
                                                                    StepMessageTypes types, SagaEngine engine,
                                                                    ObjectProvider<Tracing> tracing) {
        return new OrdoKafkaReplyListenerLifecycle(clients, kafka.sagas(), types, engine,
                tracing.getIfAvailable(Tracing::none));
    }

    static RelayConfig relayConfig(OrdoKafkaProperties kafka, Tracing tracing) {
        OrdoKafkaProperties.Relay relay = kafka.relay();
        TopicMapping topics = TopicMapping.byCategory(relay.topicPrefix());
        for (Map.Entry<String, String> mapped : relay.topics().entrySet()) {
            topics = topics.map(mapped.getKey(), mapped.getValue());
        }
        RelayConfig.Builder builder = RelayConfig.builder(relay.name(), kafka.requireBootstrapServers())
                .topics(topics)
                .filter(relay.categories().isEmpty() ? EventFilter.all()
                        : EventFilter.categories(relay.categories().toArray(String[]::new)))
                .batchSize(relay.batchSize()).pollInterval(relay.pollInterval()).maxBackoff(relay.maxBackoff())
                .leaseCheckInterval(relay.leaseCheckInterval()).kafkaTimeout(relay.kafkaTimeout()).tracing(tracing);
        kafka.client().forEach(builder::kafka);
        return builder.build();
    }

    /** The {@code ordoKafka} health indicator, when Spring Boot's health support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnProperty("ordo.kafka.bootstrap-servers")
    static class Health {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(name = "ordoKafkaAdmin")
        Admin ordoKafkaAdmin(OrdoKafkaProperties kafka) {
            Map<String, Object> settings = new HashMap<>(kafka.client());
            settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.requireBootstrapServers());
            settings.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "ordo-health");
            return Admin.create(settings);
        }

        @Bean
        @ConditionalOnMissingBean(name = "ordoKafkaHealthIndicator")
        OrdoKafkaHealthIndicator ordoKafkaHealthIndicator(Admin ordoKafkaAdmin, OrdoKafkaProperties kafka,
                                                          OrdoProperties ordo, ObjectProvider<OutboxRelay> relay) {
            OutboxRelay running = relay.getIfAvailable();
            return new OrdoKafkaHealthIndicator(ordoKafkaAdmin, kafka.healthTimeout(),
                    running == null ? null : running::status, ordo.health().relay());
        }
    }
}
