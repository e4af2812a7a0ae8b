package dev.ordo.spring.kafka;

import dev.ordo.kafka.RelayStatus;
import dev.ordo.spring.OrdoHealthIndicator;
import dev.ordo.spring.OrdoProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The Kafka cluster as Ordo sees it, and the outbox relay's state, position and lag. The status is
 * {@link OrdoHealthIndicator#DEGRADED DEGRADED}, never DOWN, while Kafka does not answer within the health timeout or
 * while the active relay lags past its limits ({@code ordo.health.relay.*}): appends and everything in process still
 * work, and the relay publishes what waited once Kafka is back. The detail {@code degradedBy} names each reason; the
 * relay's lag (events and seconds) says how far publication is behind, its failures and last error why. Thread-safe
 * as far as the admin client is.
 */
public final class OrdoKafkaHealthIndicator implements HealthIndicator {

    private final Admin admin;
    private final Duration timeout;
    private final Supplier<RelayStatus> relay;
    private final OrdoProperties.Lag relayLimits;

    /**
     * @param timeout     how long the cluster has to answer
     * @param relay       the status of the relay this application runs, or {@code null} when it runs none
     * @param relayLimits how far the active relay may lag before the status turns DEGRADED
     */
    public OrdoKafkaHealthIndicator(Admin admin, Duration timeout, Supplier<RelayStatus> relay,
                                    OrdoProperties.Lag relayLimits) {
        this.admin = admin;
        this.timeout = timeout;
        this.relay = relay;
        this.relayLimits = relayLimits;
    }

    @Override
    public Health health() {
        List<String> degradedBy = new ArrayList<>();
        Map<String, Object> cluster = new LinkedHashMap<>();
        try {
            DescribeClusterResult described = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            long wait = timeout.toMillis() + 500;
            cluster.put("clusterId", described.clusterId().get(wait, TimeUnit.MILLISECONDS));
            cluster.put("brokers", described.nodes().get(wait, TimeUnit.MILLISECONDS).size());
        } catch (ExecutionException | TimeoutException e) {
            degradedBy.add("Kafka did not answer within " + timeout);
            cluster.put("error", "Kafka did not answer within " + timeout + ": "
                    + (e instanceof ExecutionException ? e.getCause() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("cluster", cluster).build();
        }
        Map<String, Object> relayDetail = relay == null ? null : relay(relay.get(), degradedBy);
        Health.Builder builder = degradedBy.isEmpty() ? Health.up()
                : Health.status(OrdoHealthIndicator.DEGRADED).withDetail("degradedBy", degradedBy);
        builder.withDetail("cluster", cluster);
        if (relayDetail != null) {
            builder.withDetail("relay", relayDetail);
        }
        return builder.build();
    }

    private Map<String, Object> relay(RelayStatus status, List<String> degradedBy) {
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
        if (status.state() == RelayStatus.State.ACTIVE) {
            relayLimits.excess(status.lagEvents(), status.lagSeconds())
                    .ifPresent(excess -> degradedBy.add("relay " + status.name() + " " + excess));
        }
        return detail;
    }
}
