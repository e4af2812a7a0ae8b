package dev.ordo.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the cluster's processes in order (PostgreSQL, the Kafka broker, the marketplace's services), records them in
 * the state file as they come up, and stops them in the reverse order. Runs in the cluster's supervisor process,
 * started by {@code cluster start}; stopped by its shutdown hook on SIGTERM ({@code cluster stop}).
 *
 * <p>Today the marketplace runs as one service on PostgreSQL whose outbox relay publishes every event to Kafka (topics
 * {@code marketplace.<category>}); the split into a service per bounded context (issue 11) adds its services here.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final ClusterSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private volatile ClusterState state;

    Supervisor(ClusterSettings settings) {
        this.settings = settings;
        this.state = ClusterState.starting(ProcessHandle.current().pid());
    }

    /**
     * Starts everything and marks the cluster ready; on a failure, stops what it started, marks the cluster failed with
     * the reason, and throws.
     */
    void start() throws InterruptedException {
        save(state);
        try {
            PostgresServer postgres = remember(PostgresServer.start(settings.postgres(), settings.postgresPort()));
            postgres.ensureDatabase("marketplace");
            KafkaBroker kafka = remember(KafkaBroker.start(settings.kafka(), settings.kafkaPort(), settings.logs()));
            save(state.withKafka(kafka.bootstrapServers(), kafka.pid()));
            ServiceJvm marketplace = remember(ServiceJvm.start("marketplace", settings.jar(), settings.httpPort(),
                    marketplaceArgs(postgres, kafka), settings.data(), settings.logs()));
            save(state.withService(marketplace.name(), marketplace.url().toString(), marketplace.pid()));
            save(state.with(ClusterState.Status.READY, null));
            log.info("the cluster is ready: {}", state.services());
        } catch (RuntimeException | InterruptedException e) {
            close();
            save(state.with(ClusterState.Status.FAILED, e.getMessage()));
            throw e;
        }
    }

    private static List<String> marketplaceArgs(PostgresServer postgres, KafkaBroker kafka) {
        return List.of("--ordo.store.type=postgres",
                "--ordo.store.postgres.url=" + postgres.jdbcUrl("marketplace"),
                "--ordo.store.postgres.username=postgres",
                "--ordo.store.postgres.password=postgres",
                "--ordo.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--ordo.kafka.relay.enabled=true",
                "--ordo.kafka.relay.name=marketplace",
                "--ordo.kafka.relay.topic-prefix=marketplace.");
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.add(resource);
        return resource;
    }

    private void save(ClusterState value) {
        state = value;
        value.write(settings.stateFile());
    }

    /** Stops what was started, newest first, and marks the cluster stopped; its data stays. Idempotent. */
    @Override
    public synchronized void close() {
        for (AutoCloseable resource : started.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("stopping {} failed", resource, e);
            }
        }
        started.clear();
        if (state.status() != ClusterState.Status.FAILED) {
            save(state.with(ClusterState.Status.STOPPED, null));
        }
    }

    Path stateFile() {
        return settings.stateFile();
    }
}
