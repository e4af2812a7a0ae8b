package dev.ordo.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka broker in KRaft combined mode (broker and controller), as a child JVM running {@code kafka.Kafka} from the
 * Apache Kafka artifacts on the launcher's classpath. Its log directory is formatted once and kept: a broker started
 * again on the same folder has its topics, offsets and transactions. Auto-created topics get four partitions.
 */
final class KafkaBroker implements ChildProcess {

    private static final Duration READY = Duration.ofMinutes(2);

    private final ChildJvm process;
    private final String bootstrapServers;

    private KafkaBroker(ChildJvm process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code folder} when it holds no broker yet, starts the broker and returns once it answers.
     *
     * @throws IllegalStateException when it does not start (its last output is in the message)
     */
    static KafkaBroker start(Path folder, int port, Path logs) throws InterruptedException {
        Path config = folder.resolve("server.properties");
        Path data = folder.resolve("data");
        writeConfig(config, data, port);
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(config, logs);
        }
        ChildJvm process = ChildJvm.start("kafka", List.of("-Xmx512m", "-XX:+UseSerialGC", "-cp",
                ChildJvm.classpath(), "kafka.Kafka", config.toAbsolutePath().toString()), folder, logs);
        KafkaBroker broker = new KafkaBroker(process, "127.0.0.1:" + port);
        try {
            broker.awaitReady();
        } catch (InterruptedException e) {
            process.stop(Duration.ofSeconds(10));
            throw e;
        }
        return broker;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    private static void writeConfig(Path config, Path data, int port) {
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + (port + 1),
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=4",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0", "");
        try {
            Files.createDirectories(config.getParent());
            Files.writeString(config, properties);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + config, e);
        }
    }

    private static void format(Path config, Path logs) throws InterruptedException {
        ChildJvm format = ChildJvm.start("kafka-format", List.of("-cp", ChildJvm.classpath(),
                "kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c",
                config.toAbsolutePath().toString()), config.getParent(), logs);
        int status = format.waitFor(Duration.ofMinutes(1));
        if (status != 0) {
            format.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("formatting the broker's storage failed (" + status + "):\n"
                    + format.tail(20));
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3_000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited while starting:\n" + process.tail(30));
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() - deadline > 0) {
                        process.stop(Duration.ofSeconds(10));
                        throw new IllegalStateException("the Kafka broker did not answer within " + READY + ":\n"
                                + process.tail(30), e);
                    }
                    Thread.sleep(250);
                }
            }
        }
    }

    /** Stops the broker (SIGTERM: it closes its logs cleanly), killing it after 30 s. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
