package dev.ordo.bench.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One customer placing orders as long as fewer than the window's sagas are in flight: takes a permit from the shared
 * window (a {@link SagaMonitor} gives one back per saga finished), then {@code POST /orders} with two items, recorded
 * as a request. Every {@code sampleEvery}-th order placed while the run measures is kept as a
 * {@link SagaLatencies.Sample}, timed once the measurement is over. Not thread-safe: one instance per client thread.
 */
final class FulfilmentClient implements LoadRun.Client {

    static final OrderClient.Address ADDRESS = new OrderClient.Address("Hauptstrasse 1", "Graz", "8010", "AT");

    private final MarketplaceApi api;
    private final List<String> products;
    private final Semaphore window;
    private final int sampleEvery;
    private final Queue<SagaLatencies.Sample> samples;
    private final Random random;
    private final String customerId = UUID.randomUUID().toString();
    private long placed;

    /**
     * @param products    the ids of products with stock enough for the whole run; an order takes two (one when there
     *                    is only one)
     * @param window      permits for sagas in flight, shared by all clients and given back by the monitor
     * @param sampleEvery time one order in this many
     * @param samples     where the timed orders go, shared by all clients
     */
    FulfilmentClient(MarketplaceApi api, List<String> products, Semaphore window, int sampleEvery,
                     Queue<SagaLatencies.Sample> samples, long seed) {
        if (products.isEmpty()) {
            throw new IllegalArgumentException("orders need a product in stock");
        }
        this.api = api;
        this.products = products;
        this.window = window;
        this.sampleEvery = sampleEvery;
        this.samples = samples;
        this.random = new Random(seed);
    }

    @Override
    public void step(ClientStats stats) throws InterruptedException {
        if (!window.tryAcquire(1, Duration.ofMillis(200).toNanos(), TimeUnit.NANOSECONDS)) {
            return;
        }
        int first = random.nextInt(products.size());
        OrderClient.Item item = new OrderClient.Item(products.get(first), 1 + random.nextInt(3));
        OrderClient.PlaceOrder order = new OrderClient.PlaceOrder(customerId, products.size() == 1 ? List.of(item)
                : List.of(item, new OrderClient.Item(products.get((first + 1) % products.size()),
                1 + random.nextInt(3))), ADDRESS);
        MarketplaceApi.Response response = stats.timed("POST /orders", () -> api.post("orders", order));
        if (response == null) {
            window.release();
            return;
        }
        if (++placed % sampleEvery == 0 && stats.measuring()) {
            samples.add(new SagaLatencies.Sample(response.json().path("orderId").asString(), Instant.now()));
        }
    }
}
