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
 * <p>The services (ADR 27): the catalog (HTTP port + 1) and the orders service with every other context (HTTP port +
 * 2), each on a database of its own, each relaying its events to {@code marketplace.<category>}; the orders service
 * keeps a replica of the catalog's products fed from Kafka; the query service (HTTP port + 3) keeps the analytics' read
 * models, fed only from Kafka. The gateway serves the public API on the HTTP port and routes each path to its service. The split continues context by context (issue 11).
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    /**
     * The services in start order: the catalog first, since the orders service reads its products from the catalog's
     * events ({@code marketplace.product}); the query service reads the orders' and the catalog's events.
     */
    private static final List<Service> SERVICES = List.of(
            new Service("catalog", 1, List.of()),
            new Service("orders", 2, List.of("--ordo.kafka.projections.enabled=true",
                    "--ordo.kafka.projections.names=products", "--ordo.kafka.projections.topics=marketplace.product",
                    "--ordo.kafka.projections.group-prefix=orders.")),
            new Service("query", 3, List.of("--ordo.kafka.projections.enabled=true",
                    "--ordo.kafka.projections.topics=marketplace.order,marketplace.product",
                    "--ordo.kafka.projections.group-prefix=query.")));

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
            KafkaBroker kafka = remember(KafkaBroker.start(settings.kafka(), settings.kafkaPort(), settings.logs()));
            save(state.withKafka(kafka.bootstrapServers(), kafka.pid()));
            for (Service service : SERVICES) {
                postgres.ensureDatabase(service.name());
                ServiceJvm started = remember(ServiceJvm.start(service.name(), settings.jar(),
                        settings.httpPort() + service.portOffset(), service.args(postgres, kafka), settings.data(),
                        settings.logs()));
                save(state.withService(started.name(), started.url().toString(), started.pid()));
            }
            ServiceJvm gateway = remember(ServiceJvm.start("gateway", settings.gatewayJar(), settings.httpPort(),
                    List.of("--marketplace.gateway.catalog-url=http://127.0.0.1:" + (settings.httpPort() + 1),
                            "--marketplace.gateway.orders-url=http://127.0.0.1:" + (settings.httpPort() + 2),
                            "--marketplace.gateway.query-url=http://127.0.0.1:" + (settings.httpPort() + 3)),
                    settings.data(), settings.logs()));
            save(state.withService(gateway.name(), gateway.url().toString(), gateway.pid()));
            save(state.with(ClusterState.Status.READY, null));
            log.info("the cluster is ready: {}", state.services());
        } catch (RuntimeException | InterruptedException e) {
            close();
            save(state.with(ClusterState.Status.FAILED, e.getMessage()));
            throw e;
        }
    }

    /**
     * A service of the cluster: its name (also its database's), its port as an offset from the cluster's HTTP port,
     * and its own arguments.
     */
    private record Service(String name, int portOffset, List<String> own) {

        List<String> args(PostgresServer postgres, KafkaBroker kafka) {
            List<String> args = new ArrayList<>(List.of("--marketplace.service=" + name,
                    "--spring.application.name=" + name,
                    "--ordo.store.type=postgres",
                    "--ordo.store.postgres.url=" + postgres.jdbcUrl(name),
                    "--ordo.store.postgres.username=postgres",
                    "--ordo.store.postgres.password=postgres",
                    "--ordo.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--ordo.kafka.relay.enabled=true",
                    "--ordo.kafka.relay.name=" + name,
                    "--ordo.kafka.relay.topic-prefix=marketplace."));
            args.addAll(own);
            return args;
        }
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
