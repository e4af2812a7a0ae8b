package dev.ordo.test.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running KRaft cluster in this JVM on loopback ports: one node that is both broker and controller, or several brokers
 * and one controller of their own, with
 * its logs in a temporary folder deleted on {@link #close()}. Internal topics (consumer offsets, transaction state)
 * are replicated to as many brokers as there are, up to three, with a minimum of one in-sync replica, and a consumer
 * group's first rebalance is not delayed, so tests start quickly. Transactions and {@code read_committed} consumers
 * work. Thread-safe.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);

    private final KafkaClusterTestKit kit;
    private final int brokers;
    private final String bootstrapServers;

    private KafkaCluster(KafkaClusterTestKit kit, int brokers) {
        this.kit = kit;
        this.brokers = brokers;
        this.bootstrapServers = kit.bootstrapServers();
    }

    /** A builder of a cluster with one broker and the settings above. */
    public static Builder builder() {
        return new Builder();
    }

    /** The {@code bootstrap.servers} value of the cluster's brokers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** How many brokers the cluster has. */
    public int brokers() {
        return brokers;
    }

    /** Client properties with {@code bootstrap.servers} set, to add a client's own settings to. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    /** An admin client of the cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(clientProperties());
    }

    /**
     * Creates a topic replicated to as many brokers as there are (up to three), and returns once the controller
     * created it. A topic that already exists is left as it is.
     *
     * @throws IllegalStateException when the cluster refuses or fails to create it
     */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** {@link #createTopic(String, int)} with topic settings (for example {@code cleanup.policy=compact}). */
    public void createTopic(String name, int partitions, Map<String, String> settings) {
        Objects.requireNonNull(name, "name");
        NewTopic topic = new NewTopic(name, partitions, (short) Math.min(brokers, 3)).configs(settings);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /**
     * Stops one broker, keeping its data, as a broker that dies or is restarted would (clients see its connections
     * close). Broker ids run from 0 to {@link #brokers()} - 1.
     */
    public void stopBroker(int id) {
        kafka.server.BrokerServer broker = broker(id);
        broker.shutdown();
        broker.awaitShutdown();
        log.info("Kafka broker {} of the cluster at {} stopped", id, bootstrapServers);
    }

    /** Starts a broker that {@link #stopBroker(int)} stopped, on its data, and returns once it is ready. */
    public void startBroker(int id) {
        broker(id).startup();
        try {
            kit.waitForReadyBrokers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while broker " + id + " started", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker " + id + " did not become ready", e.getCause());
        }
        log.info("Kafka broker {} of the cluster at {} started again", id, bootstrapServers);
    }

    private kafka.server.BrokerServer broker(int id) {
        kafka.server.BrokerServer broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("the cluster has no broker " + id + "; its brokers are "
                    + kit.brokers().keySet());
        }
        return broker;
    }

    /** Stops every broker and deletes the cluster's data. */
    @Override
    public void close() {
        try {
            kit.close();
            log.info("Kafka cluster at {} stopped", bootstrapServers);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Kafka cluster at " + bootstrapServers, e);
        }
    }

    /** Settings of a cluster to start. Not thread-safe. */
    public static final class Builder {

        private int brokers = 1;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * How many brokers; 1 by default (also the KRaft controller), 3 or more for tests of replication (then with a
         * separate controller).
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder brokers(int brokers) {
            if (brokers < 1) {
                throw new IllegalArgumentException("a cluster needs at least one broker, asked for " + brokers);
            }
            this.brokers = brokers;
            return this;
        }

        /** A broker setting, overriding the harness's own (applies to every broker). */
        public Builder setting(String key, String value) {
            settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Formats the brokers' storage, starts them and waits until every one is ready.
         *
         * @throws IllegalStateException when the cluster does not start
         */
        public KafkaCluster start() {
            String replicas = String.valueOf(Math.min(brokers, 3));
            Map<String, String> all = new LinkedHashMap<>();
            all.put("offsets.topic.replication.factor", replicas);
            all.put("transaction.state.log.replication.factor", replicas);
            all.put("transaction.state.log.min.isr", "1");
            all.put("share.coordinator.state.topic.replication.factor", replicas);
            all.put("share.coordinator.state.topic.min.isr", "1");
            all.put("group.initial.rebalance.delay.ms", "0");
            all.putAll(settings);
            KafkaClusterTestKit kit = null;
            try {
                // one KRaft controller: a quorum of several makes stopping the cluster hang on graceful raft shutdown
                TestKitNodes nodes = new TestKitNodes.Builder().setCombined(brokers == 1)
                        .setNumBrokerNodes(brokers).setNumControllerNodes(1).build();
                KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
                all.forEach(builder::setConfigProp);
                kit = builder.build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                KafkaCluster cluster = new KafkaCluster(kit, brokers);
                log.info("Kafka cluster of {} broker{} started at {}", brokers, brokers == 1 ? "" : "s",
                        cluster.bootstrapServers());
                return cluster;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(kit);
                throw new IllegalStateException("interrupted while starting a Kafka cluster", e);
            } catch (Exception e) {
                closeQuietly(kit);
                throw new IllegalStateException("could not start a Kafka cluster of " + brokers + " broker(s)", e);
            }
        }

        private static void closeQuietly(KafkaClusterTestKit kit) {
            if (kit != null) {
                try {
                    kit.close();
                } catch (Exception e) {
                    log.warn("could not stop a Kafka cluster that failed to start", e);
                }
            }
        }
    }
}
