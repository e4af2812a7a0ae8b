package dev.ordo.bench.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * One customer placing orders in a loop, each order a sequence of three commands on that customer's own order:
 * {@code POST /orders} with two items, {@code POST /orders/{id}/items} with a third, {@code POST
 * /orders/{id}/payment} of the exact total read from the previous response. A failed command is recorded as an error
 * and the customer starts a new order.
 *
 * <p>After every {@code sampleEvery}-th successful command the client waits for the order's read model: it polls
 * {@code GET /orders/{id}} (at once, then 1 ms apart; 404 means not projected yet) until the view's {@code version}
 * is at least the command's, and records the time from the command's response to that fresh read. Not seeing it
 * within 10 s, or any other non-2xx answer, is an error. Not thread-safe: one instance per client thread.
 */
final class OrderClient implements LoadRun.Client {

    private static final Duration READ_MODEL_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
    private static final Address ADDRESS = new Address("Hauptstrasse 1", "Graz", "8010", "AT");

    private enum Command { PLACE, ADD_ITEM, PAY }

    record Item(String productId, int quantity) {
    }

    record Address(String street, String city, String postalCode, String country) {
    }

    record PlaceOrder(String customerId, List<Item> items, Address shippingAddress) {
    }

    record Payment(BigDecimal amount, String currency, String method, String reference) {
    }

    private final MarketplaceApi api;
    private final List<String> products;
    private final int sampleEvery;
    private final Random random;
    private final String customerId = UUID.randomUUID().toString();
    private Command next = Command.PLACE;
    private int firstProduct;
    private String orderId;
    private JsonNode total;
    private long commands;

    /**
     * @param products    the ids of at least three products on sale
     * @param sampleEvery wait for the read model after every this many commands
     */
    OrderClient(MarketplaceApi api, List<String> products, int sampleEvery, long seed) {
        if (products.size() < 3) {
            throw new IllegalArgumentException("an order needs 3 distinct products on sale, the catalog has "
                    + products.size());
        }
        this.api = api;
        this.products = products;
        this.sampleEvery = sampleEvery;
        this.random = new Random(seed);
    }

    @Override
    public void step(ClientStats stats) throws InterruptedException {
        Command command = next;
        String path = switch (command) {
            case PLACE -> "orders";
            case ADD_ITEM -> "orders/" + orderId + "/items";
            case PAY -> "orders/" + orderId + "/payment";
        };
        Object body = switch (command) {
            case PLACE -> {
                firstProduct = random.nextInt(products.size());
                yield new PlaceOrder(customerId, List.of(item(0), item(1)), ADDRESS);
            }
            case ADD_ITEM -> item(2);
            case PAY -> new Payment(total.path("amount").decimalValue(), total.path("currency").asString(), "CARD",
                    "bench-" + customerId + "-" + commands);
        };
        MarketplaceApi.Response response = stats.timed("POST /" + path, () -> api.post(path, body));
        long answeredAt = System.nanoTime();
        if (response == null) {
            next = Command.PLACE;
            return;
        }
        JsonNode order = response.json();
        orderId = order.path("orderId").asString();
        total = order.path("total");
        next = switch (command) {
            case PLACE -> Command.ADD_ITEM;
            case ADD_ITEM -> Command.PAY;
            case PAY -> Command.PLACE;
        };
        if (++commands % sampleEvery == 0) {
            awaitReadModel(stats, order.path("version").asLong(), answeredAt);
        }
    }

    /** The order's {@code n}-th distinct product, with a quantity of 1 to 3. */
    private Item item(int n) {
        return new Item(products.get((firstProduct + n) % products.size()), 1 + random.nextInt(3));
    }

    private void awaitReadModel(ClientStats stats, long version, long since) throws InterruptedException {
        String path = "orders/" + orderId;
        long deadline = since + READ_MODEL_TIMEOUT.toNanos();
        while (true) {
            Optional<MarketplaceApi.Response> answered = api.getOrRecord(path, stats);
            if (answered.isEmpty()) {
                return;
            }
            MarketplaceApi.Response read = answered.get();
            if (read.ok() && read.json().path("version").asLong() >= version) {
                stats.waited(System.nanoTime() - since);
                return;
            }
            if (!read.ok() && read.status() != 404) {
                stats.error(read.describe("GET /" + path));
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                stats.error("GET /" + path + " did not reach version " + version + " within " + READ_MODEL_TIMEOUT);
                return;
            }
            LockSupport.parkNanos(POLL_PAUSE_NANOS);
        }
    }
}
