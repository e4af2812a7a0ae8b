package dev.ordo.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the cluster's processes in order (PostgreSQL, the Kafka broker, the marketplace's services), records them in
 * the state file as they come up, and stops them in the reverse order. Runs in the cluster's supervisor process,
 * started by {@code cluster start}; stopped by its shutdown hook on SIGTERM ({@code cluster stop}).
 *
 * <p>The services (ADR 27), each on a database of its own, each relaying its events to {@code marketplace.<category>}:
 * the catalog (HTTP port + 1), the orders service with the fulfilment saga (+ 2), the query service with the analytics'
 * read models fed only from Kafka (+ 3), and the saga's participants, which answer its requests over Kafka: the
 * inventory (+ 4), shipping (+ 5), notifications (+ 6) and the payments with their provider (+ 7). The gateway serves
 * the public API on the HTTP port and routes each path to its service. Once the cluster is ready, the broker or a
 * service whose process dies is started again ({@link Supervised}), as a process manager would.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    /**
     * The services in start order: the catalog and the inventory first, since the orders service keeps replicas of
     * their read models from their events ({@code marketplace.product}, {@code marketplace.stock}) and the inventory
     * one of the catalog's; the participants
     * of the fulfilment (inventory, shipping, payments, notifications) read their requests from {@code marketplace.<participant>
     * .requests}; the orders service reads the answers from {@code marketplace.fulfilment.replies}; the notifications
     * and the query service follow the orders' events.
     */
    private static final List<Service> SERVICES = List.of(
            new Service("catalog", 1, List.of()),
            new Service("inventory", 4, List.of("--ordo.kafka.projections.enabled=true",
                    "--ordo.kafka.projections.names=products", "--ordo.kafka.projections.topics=marketplace.product",
                    "--ordo.kafka.projections.group-prefix=inventory.")),
            new Service("shipping", 5, List.of()),
            // the fake provider declines 1,000 or more, as a sandbox declines its test amounts
            new Service("payments", 7, List.of("--marketplace.payments.card-limit=1000")),
            new Service("notifications", 6, List.of("--ordo.kafka.projections.enabled=true",
                    "--ordo.kafka.projections.topics=marketplace.order,marketplace.notification",
                    "--ordo.kafka.projections.group-prefix=notifications.")),
            new Service("orders", 2, List.of("--ordo.kafka.projections.enabled=true",
                    "--ordo.kafka.projections.names=products,stock",
                    "--ordo.kafka.projections.topics=marketplace.product,marketplace.stock",
                    "--ordo.kafka.projections.group-prefix=orders.",
                    "--ordo.kafka.sagas.reply-topic=marketplace.fulfilment.replies",
                    "--ordo.kafka.sagas.reply-group=orders.fulfilment")),
            new Service("query", 3, List.of("--ordo.kafka.projections.enabled=true",
                    "--ordo.kafka.projections.topics=marketplace.order,marketplace.product",
                    "--ordo.kafka.projections.group-prefix=query.")));

    private final ClusterSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<Supervised<?>> supervised = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("cluster-watch").daemon().factory());
    /** Platform threads: a restart waits inside a synchronized start, which would pin a virtual thread on Java 21. */
    private final ExecutorService restarts = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("cluster-restart-", 0).daemon().factory());
    private final Object stateLock = new Object();
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
        clearPauses();
        save(state);
        try {
            PostgresServer postgres = remember(PostgresServer.start(settings.postgres(), settings.postgresPort()));
            save(state.withProcess("postgres", postgres.pid()));
            KafkaBroker kafka = supervise(Supervised.start("kafka", () -> KafkaBroker.start(settings.kafka(),
                    settings.kafkaPort(), settings.logs()), restarted -> update(now -> now.withKafka(
                    restarted.bootstrapServers(), restarted.pid()))));
            save(state.withKafka(kafka.bootstrapServers(), kafka.pid()));
            for (Service service : SERVICES) {
                postgres.ensureDatabase(service.name());
                ServiceJvm started = service(service.name(), settings.jar(),
                        settings.httpPort() + service.portOffset(), service.args(postgres, kafka, issuerKey()));
                save(state.withService(started.name(), started.url().toString(), started.pid()));
            }
            ServiceJvm gateway = service("gateway", settings.gatewayJar(), settings.httpPort(),
                    List.of("--marketplace.gateway.catalog-url=http://127.0.0.1:" + (settings.httpPort() + 1),
                            "--marketplace.gateway.orders-url=http://127.0.0.1:" + (settings.httpPort() + 2),
                            "--marketplace.gateway.query-url=http://127.0.0.1:" + (settings.httpPort() + 3),
                            "--marketplace.gateway.inventory-url=http://127.0.0.1:" + (settings.httpPort() + 4),
                            "--marketplace.gateway.shipping-url=http://127.0.0.1:" + (settings.httpPort() + 5),
                            "--marketplace.gateway.notifications-url=http://127.0.0.1:" + (settings.httpPort() + 6),
                            "--marketplace.gateway.payments-url=http://127.0.0.1:" + (settings.httpPort() + 7),
                            // a machine's own load drivers (the benchmarks) send hundreds of requests a second
                            "--marketplace.rate-limit.capacity=100000"));
            save(state.withService(gateway.name(), gateway.url().toString(), gateway.pid()));
            save(state.with(ClusterState.Status.READY, null));
            log.info("the cluster is ready: {}", state.services());
            watch.scheduleWithFixedDelay(this::keepProcessesRunning, 1, 1, TimeUnit.SECONDS);
        } catch (RuntimeException | InterruptedException e) {
            close();
            save(state.with(ClusterState.Status.FAILED, e.getMessage()));
            throw e;
        }
    }

    /** The development issuer's signing key that every service of the cluster shares. */
    Path issuerKey() {
        return settings.data().resolve("dev-issuer-key.json").toAbsolutePath();
    }

    /**
     * A service of the cluster: its name (also its database's), its port as an offset from the cluster's HTTP port,
     * and its own arguments.
     */
    private record Service(String name, int portOffset, List<String> own) {

        List<String> args(PostgresServer postgres, KafkaBroker kafka, Path issuerKey) {
            List<String> args = new ArrayList<>(List.of("--marketplace.service=" + name,
                    // one development issuer's key for all: each service trusts the tokens of the others
                    "--marketplace.security.dev-issuer.key-file=" + issuerKey,
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

    /** A fresh start runs every process: the pauses of an earlier run are forgotten. */
    private void clearPauses() {
        Path paused = settings.pausedFolder();
        try (var markers = Files.exists(paused) ? Files.list(paused) : Stream.<Path>empty()) {
            for (Path marker : markers.toList()) {
                Files.delete(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the pauses in " + paused, e);
        }
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.add(resource);
        return resource;
    }

    /** Starts a supervised service (one whose new pid goes into the state when it is started again). */
    private ServiceJvm service(String name, Path jar, int port, List<String> args) throws InterruptedException {
        return supervise(Supervised.start(name, () -> ServiceJvm.start(name, jar, port, args, settings.data(),
                settings.logs()), restarted -> update(now -> now.withService(restarted.name(),
                restarted.url().toString(), restarted.pid()))));
    }

    /** Remembers a process to stop and to start again when it dies; its current process. */
    private <P extends ChildProcess> P supervise(Supervised<P> process) {
        supervised.add(remember(process));
        return process.current();
    }

    /**
     * Starts again each process that died, the broker or a service (checked every second, until the cluster stops),
     * unless it was paused ({@code cluster pause}: its marker file exists); stops a paused process that runs (also one
     * whose restart was under way when the pause came) and then marks it paused in the state, which is what
     * {@code cluster pause} waits for. Each restart and stop runs on a thread of its own, so a service that waits for
     * the broker while it starts does not keep the broker from being started again.
     */
    private void keepProcessesRunning() {
        for (Supervised<?> process : supervised) {
            if (stopping) {
                return;
            }
            String name = process.toString();
            try {
                if (Files.exists(settings.pauseMarker(name))) {
                    if (!pausedInState(name) && process.claimStop()) {
                        restarts.execute(() -> {
                            process.stopClaimed();
                            update(now -> now.withPaused(name));
                        });
                    }
                } else if (process.claimRestart()) {
                    restarts.execute(() -> {
                        try {
                            process.restartClaimed();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            } catch (RuntimeException e) {
                log.error("watching {} failed; trying again in a second", process, e);
            }
        }
    }

    private boolean pausedInState(String process) {
        synchronized (stateLock) {
            return state.paused().contains(process);
        }
    }

    private void save(ClusterState value) {
        synchronized (stateLock) {
            state = value;
            value.write(settings.stateFile());
        }
    }

    /** Changes the state as it is now (restarts run side by side: each change applies to the latest state). */
    private void update(UnaryOperator<ClusterState> change) {
        synchronized (stateLock) {
            save(change.apply(state));
        }
    }

    /** Stops what was started, newest first, and marks the cluster stopped; its data stays. Idempotent. */
    @Override
    public synchronized void close() {
        stopping = true;
        watch.shutdownNow();
        restarts.shutdownNow();
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
