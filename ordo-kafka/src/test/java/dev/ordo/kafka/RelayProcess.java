package dev.ordo.kafka;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.OrdoDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A relay in a process of its own, to be killed: {@link #main} publishes a PostgreSQL store's events until the process
 * dies; {@link #start} launches it as a child JVM on the test's classpath.
 */
final class RelayProcess {

    private RelayProcess() {
    }

    /** Starts a child JVM running {@link #main} with the arguments; its output goes to the log file. */
    static Process start(Path log, String jdbcUrl, String user, String password, String bootstrapServers,
                         String relayName, String topic) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                RelayProcess.class.getName(), jdbcUrl, user, password, bootstrapServers, relayName, topic));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder.start();
    }

    /** The relay configuration both the child and the test's final relay use. */
    static RelayConfig config(String bootstrapServers, String relayName, String topic) {
        return RelayConfig.builder(relayName, bootstrapServers).topics(TopicMapping.byCategory().map("killed", topic))
                .batchSize(50).pollInterval(Duration.ofMillis(20)).leaseCheckInterval(Duration.ofMillis(200))
                .kafkaTimeout(Duration.ofSeconds(5)).build();
    }

    /** Arguments: JDBC URL, user, password, bootstrap servers, relay name, topic. Runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(args[0]);
        pool.setUsername(args[1]);
        pool.setPassword(args[2]);
        pool.setMaximumPoolSize(4);
        HikariDataSource dataSource = new HikariDataSource(pool);
        OrdoDatabase database = OrdoDatabase.postgres(dataSource);
        JdbcEventStore store = JdbcEventStore.create(database);
        OutboxRelay.start(config(args[3], args[4], args[5]), store, new HeadSignal(),
                RelayLease.postgresAdvisoryLock(database.writeDataSource(), args[4]), null);
        new CountDownLatch(1).await();
    }
}
