package dev.ordo.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.deadletter.DeadLetterMetrics;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.store.StoreLimits;
import dev.ordo.core.subscription.CheckpointStore;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.PoisonPolicy;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jdbc.JdbcCheckpointStore;
import dev.ordo.jdbc.JdbcDeadLetterStore;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.JdbcProjections;
import dev.ordo.jdbc.JdbcSnapshotStore;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.jdbc.PostgresNotifications;
import dev.ordo.jdbc.SqliteOptions;
import dev.ordo.saga.ProcessManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires Ordo from {@link OrdoProperties}: the database (a SQLite file by default, PostgreSQL through the
 * application's {@link DataSource} or {@code ordo.store.postgres.url}), migrated on start; the event, snapshot and
 * checkpoint stores; commit signals (in-process, plus LISTEN/NOTIFY on PostgreSQL); subscriptions with lag metrics;
 * the dead-letter store with a gauge of its open letters; every {@link JdbcProjection} bean, started once the
 * application is up; and, with ordo-saga on the classpath, every {@code ProcessManager} bean (which needs one
 * {@code EventSerializer} and one {@code CommandBus} bean). Appends, subscription pages and process managers' reactions
 * open their spans through the {@link Tracing} bean ({@link dev.ordo.spring.tracing.OrdoTracingAutoConfiguration}).
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(OrdoProperties.class)
public class OrdoAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(DataSource.class)
    @ConditionalOnExpression("'${ordo.store.type:sqlite}'.equalsIgnoreCase('postgres') and '${ordo.store.postgres.url:}' != ''")
    HikariDataSource ordoPostgresDataSource(OrdoProperties properties) {
        OrdoProperties.Postgres postgres = properties.store().postgres();
        HikariConfig config = new HikariConfig();
        config.setPoolName("ordo-postgres");
        config.setJdbcUrl(postgres.url());
        config.setUsername(postgres.username());
        config.setPassword(postgres.password());
        config.setMaximumPoolSize(postgres.poolSize());
        config.setConnectionTimeout(postgres.connectionTimeout().toMillis());
        config.addDataSourceProperty("socketTimeout", Math.max(1, postgres.socketTimeout().toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", true);
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    OrdoDatabase ordoDatabase(OrdoProperties properties, ObjectProvider<DataSource> dataSources) {
        OrdoProperties.Store store = properties.store();
        return switch (store.type()) {
            case SQLITE -> OrdoDatabase.sqlite(store.sqlite().path(),
                    new SqliteOptions(store.sqlite().readers(), store.sqlite().busyTimeout()));
            case POSTGRES -> OrdoDatabase.postgres(dataSources.getIfAvailable(() -> {
                throw new IllegalStateException(
                        "ordo.store.type=postgres needs ordo.store.postgres.url (or a DataSource bean)");
            }));
        };
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    JdbcEventStore ordoEventStore(OrdoDatabase database, OrdoProperties properties, ObjectProvider<Tracing> tracing) {
        return JdbcEventStore.builder(database)
                .limits(StoreLimits.defaults().withMaxPayloadBytes(properties.store().maxPayloadBytes()))
                .maxBatchEvents(properties.store().maxBatchEvents())
                .tracing(tracing.getIfAvailable(Tracing::none))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    SnapshotStore ordoSnapshotStore(OrdoDatabase database) {
        return JdbcSnapshotStore.create(database);
    }

    @Bean
    @ConditionalOnMissingBean
    SnapshotPolicy ordoSnapshotPolicy(OrdoProperties properties) {
        int every = properties.snapshots().every();
        return every > 0 ? SnapshotPolicy.everyNEvents(every) : SnapshotPolicy.never();
    }

    @Bean
    @ConditionalOnMissingBean
    CheckpointStore ordoCheckpointStore(OrdoDatabase database) {
        return JdbcCheckpointStore.create(database);
    }

    @Bean
    @ConditionalOnMissingBean
    HeadSignal ordoHeadSignal(JdbcEventStore store) {
        HeadSignal signal = new HeadSignal();
        store.onCommit(signal::advance);
        return signal;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${ordo.store.type:sqlite}'.equalsIgnoreCase('postgres') and ${ordo.store.postgres.listen:true}")
    PostgresNotifications ordoPostgresNotifications(OrdoDatabase database, HeadSignal signal) {
        return PostgresNotifications.start(database, signal);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterStore ordoDeadLetterStore(OrdoDatabase database) {
        return JdbcDeadLetterStore.create(database);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPolicy ordoDeadLetterPolicy(OrdoProperties properties) {
        OrdoProperties.DeadLetters d = properties.deadLetters();
        return DeadLetterPolicy.builder().maxAttempts(d.maxAttempts()).initialDelay(d.initialDelay())
                .maxDelay(d.maxDelay()).build();
    }

    /** The gauge of open dead letters by status (see {@link DeadLetterMetrics}). */
    @Bean
    @ConditionalOnMissingBean
    DeadLetterMetrics ordoDeadLetterMetrics(DeadLetterStore deadLetters) {
        return DeadLetterMetrics.of(deadLetters);
    }

    @Bean
    @ConditionalOnMissingBean
    SubscriptionOptions ordoSubscriptionOptions(OrdoProperties properties, DeadLetterStore deadLetters,
                                                DeadLetterPolicy deadLetterPolicy) {
        OrdoProperties.Subscriptions s = properties.subscriptions();
        SubscriptionOptions options = SubscriptionOptions.defaults().withBatchSize(s.batchSize())
                .withPollInterval(s.pollInterval()).withMaxBackoff(s.maxBackoff());
        return s.poisonPolicy() == PoisonPolicy.RETRY_FOREVER ? options
                : options.withDeadLetters(s.poisonPolicy(), deadLetters, deadLetterPolicy);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Subscriptions ordoSubscriptions(JdbcEventStore store, HeadSignal signal, ObjectProvider<MeterRegistry> meters,
                                    ObjectProvider<Tracing> tracing) {
        return new Subscriptions(store, signal, meters.getIfAvailable(), Clock.systemUTC(),
                tracing.getIfAvailable(Tracing::none));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    JdbcProjections ordoProjections(OrdoDatabase database, JdbcEventStore store, Subscriptions subscriptions,
                                    SubscriptionOptions options) {
        return new JdbcProjections(database, store, subscriptions, options);
    }

    /**
     * Projections follow the store unless they are fed from Kafka ({@code ordo.kafka.projections.enabled}, and
     * {@code .names} when only some are).
     */
    @Bean
    OrdoProjectionsLifecycle ordoProjectionsLifecycle(JdbcProjections projections,
                                                      ObjectProvider<JdbcProjection> definitions,
                                                      Environment environment) {
        return new OrdoProjectionsLifecycle(projections, definitions,
                FedFromKafka.of(environment, "ordo.kafka.projections"));
    }

    @Bean
    OrdoStoreMetrics ordoStoreMetrics(JdbcEventStore store, OrdoDatabase database) {
        return new OrdoStoreMetrics(store, database);
    }

    /** Every {@link ProcessManager} bean, when ordo-saga is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ProcessManager.class)
    static class ProcessManagers {

        @Bean
        @ConditionalOnMissingBean
        ProcessManagerBeans ordoProcessManagerBeans(ObjectProvider<ProcessManager<?>> managers,
                                                    ObjectProvider<EventSerializer> serializers,
                                                    ObjectProvider<CommandBus> buses) {
            return new ProcessManagerBeans(managers, serializers, buses);
        }

        /**
         * They follow the store unless they are fed from Kafka ({@code ordo.kafka.process-managers.enabled}, and
         * {@code .names} when only some are).
         */
        @Bean
        OrdoProcessManagersLifecycle ordoProcessManagersLifecycle(ProcessManagerBeans beans,
                                                                  Subscriptions subscriptions,
                                                                  CheckpointStore checkpoints,
                                                                  SubscriptionOptions options,
                                                                  Environment environment,
                                                                  ObjectProvider<Tracing> tracing) {
            return new OrdoProcessManagersLifecycle(beans, subscriptions, checkpoints, options,
                    FedFromKafka.of(environment, "ordo.kafka.process-managers"), tracing.getIfAvailable(Tracing::none));
        }
    }
}
