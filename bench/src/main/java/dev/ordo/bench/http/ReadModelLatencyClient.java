package dev.ordo.bench.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * One customer after another placing an order through the cluster's gateway and waiting until the notifications
 * service shows it: {@code POST /orders}, then {@code GET /customers/{id}/notifications} (at once, then 2 ms apart)
 * until it lists the order's {@code ORDER_PLACED}. That notification is made from the order's event on Kafka (the
 * orders service's outbox relay, the notifications service's consumer, its command and its own read model), so the
 * wait recorded, from the placing response to the fresh read, is the command-to-read-model latency through Kafka.
 * Not seeing it within 30 s is an error. Not thread-safe: one instance per client thread.
 */
final class ReadModelLatencyClient implements LoadRun.Client {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_PAUSE_NANOS = Duration.ofMillis(2).toNanos();

    private final MarketplaceApi api;
    private final List<String> products;
    private int next;

    ReadModelLatencyClient(MarketplaceApi api, List<String> products, int first) {
        this.api = api;
        this.products = products;
        this.next = first;
    }

    @Override
    public void step(ClientStats stats) throws InterruptedException {
        String customer = UUID.randomUUID().toString();
        String product = products.get(next++ % products.size());
        MarketplaceApi.Response placed = stats.timed("POST /orders", () -> api.post("orders",
                new OrderClient.PlaceOrder(customer, List.of(new OrderClient.Item(product, 1)),
                        FulfilmentClient.ADDRESS)));
        if (placed == null) {
            return;
        }
        long since = System.nanoTime();
        String order = placed.json().path("orderId").asString();
        String path = "customers/" + customer + "/notifications";
        while (true) {
            Optional<MarketplaceApi.Response> answered = api.getOrRecord(path, stats);
            if (answered.isEmpty()) {
                return;
            }
            MarketplaceApi.Response read = answered.get();
            if (!read.ok()) {
                stats.error(read.describe("GET /" + path));
                return;
            }
            if (read.json().valueStream().anyMatch(n -> order.equals(n.path("orderId").asString())
                    && "ORDER_PLACED".equals(n.path("kind").asString()))) {
                stats.waited(System.nanoTime() - since);
                return;
            }
            if (System.nanoTime() - since > TIMEOUT.toNanos()) {
                stats.error("order " + order + " was not notified within " + TIMEOUT);
                return;
            }
            LockSupport.parkNanos(POLL_PAUSE_NANOS);
        }
    }
}
