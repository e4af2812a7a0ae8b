package dev.ordo.marketplace.crash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One customer of a crash run, on its own virtual thread: places orders (seven in ten actions), adds an item to one
 * of its recent orders, cancels the fulfilment of one, or receives a delivery of stock for a product, each with an
 * Idempotency-Key of its own and sent until answered ({@link MarketplaceClient#send}). It stops when the run's
 * placements are all taken. Its choices come from a {@link Random} seeded from the run's seed and its number, so the
 * same seed gives every customer the same intentions (the interleaving with faults still varies). Not thread-safe.
 */
final class Customer implements Runnable {

    /** The reason every cancellation by a customer gives; a compensation for it is a business outcome. */
    static final String CANCEL_REASON = "the customer changed their mind (crash harness)";

    private static final int RECENT = 5;

    private final int number;
    private final Random random;
    private final MarketplaceClient client;
    private final List<String> products;
    private final AtomicInteger placements;
    private final int orders;
    private final Queue<Exchange> history;
    private final String customerId;
    private final String run;
    private final List<String> placed = new ArrayList<>();
    private int requests;

    /**
     * @param products   ids of products that can be ordered
     * @param placements the run's placements taken so far, shared by every customer
     * @param orders     how many placements the run takes in all
     * @param history    where every exchange goes, shared
     */
    Customer(int number, long seed, MarketplaceClient client, List<String> products, AtomicInteger placements,
             int orders, Queue<Exchange> history) {
        this.number = number;
        this.random = new Random(seed * 1_000_003L + number);
        this.client = client;
        this.products = List.copyOf(products);
        this.placements = placements;
        this.orders = orders;
        this.history = history;
        this.customerId = new UUID(seed, number).toString();
        this.run = Long.toHexString(seed);
    }

    /** The order id the marketplace derives from a placement's Idempotency-Key. */
    static String orderIdOf(String key) {
        return UUID.nameUUIDFromBytes(("order:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void run() {
        while (true) {
            int roll = random.nextInt(100);
            if (roll < 10) {
                deliver();
            } else if (roll < 22 && !placed.isEmpty()) {
                addItem();
            } else if (roll < 30 && !placed.isEmpty()) {
                cancel();
            } else if (placements.getAndIncrement() < orders) {
                place();
            } else {
                return;
            }
        }
    }

    private void place() {
        String key = key("order");
        List<Map<String, Object>> items = new ArrayList<>();
        int first = random.nextInt(products.size());
        items.add(Map.of("productId", products.get(first), "quantity", 1 + random.nextInt(3)));
        if (random.nextBoolean() && products.size() > 1) {
            items.add(Map.of("productId", products.get((first + 1 + random.nextInt(products.size() - 1))
                    % products.size()), "quantity", 1 + random.nextInt(2)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("items", items);
        body.put("shippingAddress", Map.of("street", "Crash Lane " + number, "city", "Graz", "postalCode", "8010",
                "country", "AT"));
        Exchange exchange = send(new Exchange(Exchange.Kind.PLACE, key, "POST", "orders", json(body), null, 0));
        if (exchange.answered() == 201) {
            placed.add(orderIdOf(key));
        }
    }

    private void addItem() {
        String orderId = recentOrder();
        String productId = products.get(random.nextInt(products.size()));
        send(new Exchange(Exchange.Kind.ADD_ITEM, key("item"), "POST", "orders/" + orderId + "/items",
                json(Map.of("productId", productId, "quantity", 1)), orderId, 1));
    }

    private void cancel() {
        String orderId = recentOrder();
        send(new Exchange(Exchange.Kind.CANCEL, key("cancel"), "POST", "orders/" + orderId + "/fulfilment/cancel",
                json(Map.of("reason", CANCEL_REASON)), orderId, 0));
    }

    private void deliver() {
        String productId = products.get(random.nextInt(products.size()));
        int quantity = 5 + random.nextInt(16);
        send(new Exchange(Exchange.Kind.DELIVERY, key("delivery"), "POST", "inventory/" + productId + "/deliveries",
                json(Map.of("quantity", quantity)), productId, quantity));
    }

    private Exchange send(Exchange exchange) {
        client.send(exchange);
        history.add(exchange);
        return exchange;
    }

    private String recentOrder() {
        return placed.get(placed.size() - 1 - random.nextInt(Math.min(RECENT, placed.size())));
    }

    private String key(String what) {
        return "crash-" + run + "-c" + number + "-" + (++requests) + "-" + what;
    }

    private static String json(Object body) {
        return MarketplaceClient.JSON.writeValueAsString(body);
    }
}
