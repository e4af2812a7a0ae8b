package dev.ordo.bench.http;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer service with one and with two instances: the query service of a cluster that holds a backlog (run
 * {@code http-fulfilment cluster} first) rebuilds its read models from the services' topics ({@code marketplace.order},
 * {@code marketplace.product}) into a fresh PostgreSQL database of the cluster's server, in consumer groups of its own;
 * with two instances, both share that database and each group's partitions. Measured from the first committed offset
 * of any of its groups to the moment every group committed the end of the topics it reads (the instances are started
 * side by side; records applied before that first commit was seen are left out): the records applied per second (summed
 * over the read models' groups) and the CPU of the instances per record. JVM start-up is left out.
 *
 * <p>Arguments: {@code [marketplace.jar]}. System properties: {@code bench.cluster} (the cluster's data folder, default
 * {@code data/cluster}), {@code bench.postgresPort} (default 15432, the cluster's), {@code bench.instances}
 * (default {@code 1,2}).
 */
public final class ConsumerScaleBench {

    private static final List<String> TOPICS = List.of("marketplace.order", "marketplace.product");
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private ConsumerScaleBench() {
    }

    /** Runs the bench as described above and returns the rows it printed. */
    public static List<String> run(List<String> args) throws Exception {
        Path jar = Path.of(args.isEmpty() ? "marketplace/target/marketplace.jar" : args.getFirst());
        Path cluster = Path.of(System.getProperty("bench.cluster", "data/cluster"));
        int postgresPort = Integer.getInteger("bench.postgresPort", 15432);
        String kafka = clusterState(cluster).getProperty("kafka");
        System.out.println("| instances | records applied | seconds | records/s | CPU µs per record |");
        System.out.println("|---|---|---|---|---|");
        List<String> rows = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            for (String count : System.getProperty("bench.instances", "1,2").split(",")) {
                int instances = Integer.parseInt(count.strip());
                String row = String.format(Locale.ROOT, "| %d | %s", instances,
                        rebuild(admin, jar, kafka, postgresPort, instances));
                System.out.println(row);
                rows.add(row);
            }
        }
        return rows;
    }

    private static Properties clusterState(Path cluster) throws IOException {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(cluster.resolve("cluster.state"))) {
            state.load(in);
        }
        return state;
    }

    /** One rebuild with {@code instances} query services; the row's cells after the first. */
    private static String rebuild(Admin admin, Path jar, String kafka, int postgresPort, int instances)
            throws Exception {
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        String database = "bench_query_" + instances + "_" + nonce;
        String prefix = "bench-" + nonce + "-" + instances + ".";
        Map<TopicPartition, Long> ends = endOffsets(admin);
        createDatabase(postgresPort, database);
        List<String> appArgs = List.of("--marketplace.service=query", "--spring.application.name=query-bench",
                "--ordo.store.type=postgres",
                "--ordo.store.postgres.url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database,
                "--ordo.store.postgres.username=postgres", "--ordo.store.postgres.password=postgres",
                "--ordo.kafka.bootstrap-servers=" + kafka, "--ordo.kafka.projections.enabled=true",
                "--ordo.kafka.projections.topics=" + String.join(",", TOPICS),
                "--ordo.kafka.projections.group-prefix=" + prefix);
        List<MarketplaceProcess> started = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Thread> starting = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                starting.add(Thread.ofVirtual().start(() -> {
                    try {
                        started.add(MarketplaceProcess.start(jar, HttpBench.appJvmArgs(), appArgs));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread thread : starting) {
                thread.join();
            }
            if (started.size() < instances) {
                throw new IllegalStateException("only " + started.size() + " of " + instances + " instances started");
            }
            return measure(admin, prefix, ends, started);
        } finally {
            started.forEach(MarketplaceProcess::close);
        }
    }

    /**
     * Follows the groups' committed offsets until each group reached the end of every partition of the topics it
     * reads (a read model may read one of the topics only).
     */
    private static String measure(Admin admin, String prefix, Map<TopicPartition, Long> ends,
                                  List<MarketplaceProcess> instances) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long firstNanos = 0;
        long firstCommitted = 0;
        Duration firstCpu = Duration.ZERO;
        int polls = 0;
        while (System.nanoTime() - deadline < 0) {
            Map<String, Map<TopicPartition, Long>> committed = committed(admin, prefix);
            long sum = committed.values().stream().flatMap(offsets -> offsets.values().stream())
                    .mapToLong(Long::longValue).sum();
            if (firstNanos == 0 && sum > 0) {
                firstNanos = System.nanoTime();
                firstCommitted = sum;
                firstCpu = cpu(instances);
            }
            if (!committed.isEmpty() && committed.values().stream().allMatch(offsets -> atEnd(offsets, ends))) {
                double seconds = (System.nanoTime() - firstNanos) / 1e9;
                long applied = sum - firstCommitted;
                double cpuMicros = cpu(instances).minus(firstCpu).toNanos() / 1e3;
                return String.format(Locale.ROOT, "%,d (%d read models) | %.1f | %,.0f | %.0f |", applied,
                        committed.size(), seconds, applied / seconds, cpuMicros / applied);
            }
            if (++polls % 100 == 0) {
                System.out.printf(Locale.ROOT, "  %,d of %,d records applied by %d read models%n", sum,
                        committed.values().stream().mapToLong(offsets -> target(offsets, ends)).sum(),
                        committed.size());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the read models did not catch up within " + PATIENCE + ": "
                + committed(admin, prefix) + " of " + ends);
    }

    /**
     * Whether a group committed the end of every partition of each topic it committed any offset of: its last record
     * (the relay's last transaction's commit marker, which takes the last offset, is passed by the reader but no
     * record follows it to be committed).
     */
    private static boolean atEnd(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> ends) {
        Set<String> topics = new HashSet<>();
        offsets.keySet().forEach(partition -> topics.add(partition.topic()));
        return !topics.isEmpty() && ends.entrySet().stream().filter(end -> topics.contains(end.getKey().topic()))
                .allMatch(end -> offsets.getOrDefault(end.getKey(), -1L) >= end.getValue() - 1);
    }

    /** What a group that committed these offsets has committed once at the end of the topics it reads. */
    private static long target(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> ends) {
        Set<String> topics = new HashSet<>();
        offsets.keySet().forEach(partition -> topics.add(partition.topic()));
        return ends.entrySet().stream().filter(end -> topics.contains(end.getKey().topic()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Duration cpu(List<MarketplaceProcess> instances) {
        return instances.stream().map(MarketplaceProcess::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    /** Each partition of the topics and its end offset (what a group has committed once it read everything). */
    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(TOPICS).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Each group of the prefix and its committed offset of each partition. */
    private static Map<String, Map<TopicPartition, Long>> committed(Admin admin, String prefix)
            throws ExecutionException, InterruptedException {
        Map<String, Map<TopicPartition, Long>> groups = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (group.groupId().startsWith(prefix)) {
                Map<TopicPartition, Long> offsets = new HashMap<>();
                admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get()
                        .forEach((partition, offset) -> {
                            if (offset != null) {
                                offsets.put(partition, offset.offset());
                            }
                        });
                groups.put(group.groupId(), offsets);
            }
        }
        return groups;
    }

    private static void createDatabase(int port, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", "postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }
}
