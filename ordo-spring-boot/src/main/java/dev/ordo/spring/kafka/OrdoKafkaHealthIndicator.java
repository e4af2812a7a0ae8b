package dev.ordo.spring.kafka;

import dev.ordo.kafka.OutboxRelay;
import dev.ordo.kafka.RelayStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The Kafka cluster as Ordo sees it, and the outbox relay's state, position and lag. While Kafka does not answer
 * within the health timeout the status is {@code DEGRADED}, not DOWN: appends and everything in process still work,
 * and the relay publishes what waited once Kafka is back. The relay's lag (events and seconds) says how far
 * publication is behind, its failures and last error why.
 */
public final class OrdoKafkaHealthIndicator implements HealthIndicator {

    private final Admin admin;
    private final Duration timeout;
    private final OutboxRelay relay;

    /**
     * @param relay the relay whose status is shown, or {@code null} when this application runs none
     */
    public OrdoKafkaHealthIndicator(Admin admin, Duration timeout, OutboxRelay relay) {
        this.admin = admin;
        this.timeout = timeout;
        this.relay = relay;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        Map<String, Object> cluster = new LinkedHashMap<>();
        try {
            DescribeClusterResult described = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            long wait = timeout.toMillis() + 500;
            cluster.put("clusterId", described.clusterId().get(wait, TimeUnit.MILLISECONDS));
            cluster.put("brokers", described.nodes().get(wait, TimeUnit.MILLISECONDS).size());
        } catch (ExecutionException | TimeoutException e) {
            builder = Health.status("DEGRADED");
            cluster.put("error", "Kafka did not answer within " + timeout + ": "
                    + (e instanceof ExecutionException ? e.getCause() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder = Health.unknown();
        }
        builder.withDetail("cluster", cluster);
        if (relay != null) {
            RelayStatus status = relay.status();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", status.name());
            detail.put("state", status.state());
            detail.put("position", status.position());
            detail.put("head", status.head());
            detail.put("lagEvents", status.lagEvents());
            detail.put("lagSeconds", status.lagSeconds());
            detail.put("published", status.published());
            detail.put("failures", status.failures());
            if (status.lastError() != null) {
                detail.put("lastError", status.lastError());
            }
            builder.withDetail("relay", detail);
        }
        return builder.build();
    }
}
