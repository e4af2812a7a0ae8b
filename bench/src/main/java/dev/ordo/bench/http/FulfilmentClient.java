package dev.ordo.bench.http;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One customer placing orders as long as fewer than the window's sagas are in flight: takes a permit from the shared
 * window (a {@link SagaMonitor} gives one back per saga finished), then {@code POST /orders} with two items, recorded
 * as a request. Every {@code sampleEvery}-th order it also waits for: it polls {@code GET /orders/{id}/fulfilment}
 * ({@value #POLL_MILLIS} ms apart; 404 means the saga has not started yet) until the saga is {@code COMPLETED} or
 * {@code COMPENSATED}, and records the time from the placing response to that read as a wait (so to within one poll
 * interval). Only a sample is polled because polling costs the server more than a saga step does. A sampled saga that
 * ends otherwise or not within {@link #SAGA_TIMEOUT}, or any non-2xx answer but the early 404s, is an error. Not
 * thread-safe: one instance per client thread.
 */
final class FulfilmentClient implements LoadRun.Client {

    static final long POLL_MILLIS = 20;
    private static final Duration SAGA_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> FINISHED = Set.of("COMPLETED", "COMPENSATED");
    private static final OrderClient.Address ADDRESS = new OrderClient.Address("Hauptstrasse 1", "Graz", "8010", "AT");

    private final MarketplaceApi api;
    private final List<String> products;
    private final Semaphore window;
    private final int sampleEvery;
    private final Random random;
    private final String customerId = UUID.randomUUID().toString();
    private long placed;

    /**
     * @param products    the ids of at least two products with stock enough for the whole run
     * @param window      permits for sagas in flight, shared by all clients and given back by the monitor
     * @param sampleEvery wait for every this many orders
     */
    FulfilmentClient(MarketplaceApi api, List<String> products, Semaphore window, int sampleEvery, long seed) {
        if (products.size() < 2) {
            throw new IllegalArgumentException("an order needs 2 distinct products in stock, there are "
                    + products.size());
        }
        this.api = api;
        this.products = products;
        this.window = window;
        this.sampleEvery = sampleEvery;
        this.random = new Random(seed);
    }

    @Override
    public void step(ClientStats stats) throws InterruptedException {
        if (!window.tryAcquire(1, Duration.ofMillis(200).toNanos(), TimeUnit.NANOSECONDS)) {
            return;
        }
        int first = random.nextInt(products.size());
        OrderClient.PlaceOrder order = new OrderClient.PlaceOrder(customerId, List.of(
                new OrderClient.Item(products.get(first), 1 + random.nextInt(3)),
                new OrderClient.Item(products.get((first + 1) % products.size()), 1 + random.nextInt(3))), ADDRESS);
        MarketplaceApi.Response response = stats.timed("POST /orders", () -> api.post("orders", order));
        if (response == null) {
            window.release();
            return;
        }
        if (++placed % sampleEvery == 0) {
            awaitFinished(stats, response.json().path("orderId").asString(), System.nanoTime());
        }
    }

    private void awaitFinished(ClientStats stats, String orderId, long since) {
        String path = "orders/" + orderId + "/fulfilment";
        long deadline = since + SAGA_TIMEOUT.toNanos();
        while (true) {
            LockSupport.parkNanos(Duration.ofMillis(POLL_MILLIS).toNanos());
            MarketplaceApi.Response saga;
            try {
                saga = api.get(path);
            } catch (IOException | InterruptedException e) {
                stats.error("GET /" + path + " -> " + e);
                return;
            }
            if (saga.ok()) {
                String status = saga.json().path("status").asString();
                if (FINISHED.contains(status)) {
                    stats.waited(System.nanoTime() - since);
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
