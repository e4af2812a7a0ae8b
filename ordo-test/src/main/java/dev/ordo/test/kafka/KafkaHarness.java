package dev.ordo.test.kafka;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one real Kafka broker (KRaft, combined broker and controller) per JVM, on first use, from Kafka's own test
 * kit ({@code org.apache.kafka:kafka-test-common-runtime}, pinned to the Kafka version Spring Boot manages), as
 * {@link dev.ordo.test.postgres.PostgresHarness} does for PostgreSQL. It runs until the JVM exits (a shutdown hook
 * stops it and deletes its data). Tests that share it should use topic and group names of their own.
 *
 * <p>A test that needs several brokers (replication, a broker going away) starts a cluster of its own with
 * {@link KafkaCluster#builder()} and closes it. Thread-safe.
 */
public final class KafkaHarness {

    private static final Logger log = LoggerFactory.getLogger(KafkaHarness.class);
    private static KafkaCluster shared;

    private KafkaHarness() {
    }

    /** The shared single-broker cluster, started on first call. */
    public static synchronized KafkaCluster cluster() {
        if (shared == null) {
            // a broker that meets a fatal error (or is stopped while the JVM exits) halts the JVM through Exit: in a
            // test JVM that must be logged, not end the test run with a failed fork
            Exit.setHaltProcedure((status, message) -> log.error("a Kafka broker asked to halt the JVM with status {}: {}",
                    status, message, new IllegalStateException("halt requested")));
            Exit.setExitProcedure((status, message) -> log.error("a Kafka broker asked to exit the JVM with status {}: {}",
                    status, message, new IllegalStateException("exit requested")));
            KafkaCluster started = KafkaCluster.builder().start();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("ordo-kafka-harness-stop")
                    .unstarted(started::close));
            shared = started;
        }
        return shared;
    }

    /** The {@code bootstrap.servers} value of the shared broker, started on first call. */
    public static String bootstrapServers() {
        return cluster().bootstrapServers();
    }

    /** Creates a topic on the shared broker (see {@link KafkaCluster#createTopic(String, int)}). */
    public static void createTopic(String name, int partitions) {
        cluster().createTopic(name, partitions);
    }
}
