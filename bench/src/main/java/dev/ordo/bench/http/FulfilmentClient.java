package dev.ordo.bench.http;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * One customer placing orders in a loop and waiting for each to be fulfilled by the marketplace's saga: {@code POST
 * /orders} with two items, then {@code GET /orders/{id}/fulfilment} ({@value #POLL_MILLIS} ms apart; 404 means the
 * saga has not started yet) until the saga is {@code COMPLETED} or {@code COMPENSATED}. Records the place request as
 * a request, the time from its response to the first read of the finished saga as a wait (so to within one poll
 * interval), and the saga's final status as an outcome. A saga that ends otherwise (failed, parked), or is not
 * finished within {@link #SAGA_TIMEOUT}, or any non-2xx answer but the early 404s, is an error. Not thread-safe: one
 * instance per client thread.
 */
final class FulfilmentClient implements LoadRun.Client {

    static final long POLL_MILLIS = 100;
    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> FINISHED = Set.of("COMPLETED", "COMPENSATED");
    private static final OrderClient.Address ADDRESS = new OrderClient.Address("Hauptstrasse 1", "Graz", "8010", "AT");

    private final MarketplaceApi api;
    private final List<String> products;
    private final Random random;
    private final String customerId = UUID.randomUUID().toString();

    /** @param products the ids of at least two products with stock enough for the whole run */
    FulfilmentClient(MarketplaceApi api, List<String> products, long seed) {
        if (products.size() < 2) {
            throw new IllegalArgumentException("an order needs 2 distinct products in stock, there are "
                    + products.size());
        }
        this.api = api;
        this.products = products;
        this.random = new Random(seed);
    }

    @Override
    public void step(ClientStats stats) throws InterruptedException {
        int first = random.nextInt(products.size());
        OrderClient.PlaceOrder order = new OrderClient.PlaceOrder(customerId, List.of(
                new OrderClient.Item(products.get(first), 1 + random.nextInt(3)),
                new OrderClient.Item(products.get((first + 1) % products.size()), 1 + random.nextInt(3))), ADDRESS);
        MarketplaceApi.Response placed = stats.timed("POST /orders", () -> api.post("orders", order));
        if (placed != null) {
            awaitFinished(stats, placed.json().path("orderId").asString(), System.nanoTime());
        }
    }

    private void awaitFinished(ClientStats stats, String orderId, long since) throws InterruptedException {
        String path = "orders/" + orderId + "/fulfilment";
        long deadline = since + SAGA_TIMEOUT.toNanos();
        while (true) {
            LockSupport.parkNanos(Duration.ofMillis(POLL_MILLIS).toNanos());
            MarketplaceApi.Response saga;
            try {
                saga = api.get(path);
            } catch (IOException e) {
                stats.error("GET /" + path + " -> " + e);
                return;
            }
            if (saga.ok()) {
                String status = saga.json().path("status").asString();
                if (FINISHED.contains(status)) {
                    stats.waited(System.nanoTime() - since);
                    stats.outcome(status);
                    return;
                }
                if (!status.equals("RUNNING") && !status.equals("COMPENSATING")) {
                    stats.error("GET /" + path + " -> saga " + status + ": " + saga.json());
                    return;
                }
            } else if (saga.status() != 404) {
                stats.error(saga.describe("GET /" + path));
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                stats.error("GET /" + path + " did not finish within " + SAGA_TIMEOUT);
                return;
            }
        }
    }
}
