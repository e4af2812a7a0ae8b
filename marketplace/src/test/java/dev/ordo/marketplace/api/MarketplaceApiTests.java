package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.marketplace.MarketplaceApplication;
import dev.ordo.marketplace.catalog.DemoCatalog;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The marketplace started on a random port with the demo catalog, and what its API tests share: a client, the
 * catalog as the API lists it, order requests, waiting for the eventually consistent read model, and problem
 * assertions. Subclasses choose the database with a {@code @DynamicPropertySource} (see {@link TestStores}); each
 * concrete class gets one application context, closed after its tests, and its tests keep apart by using new
 * customer and order ids rather than new databases. Fulfilment is switched off, so the tests take orders through
 * their lifecycle by hand; {@link FulfilmentContract} switches it on. The rate limit is off (the tests share one operator
 * token); {@link SqliteRateLimitIntegrationTests} switches it on.
 */
@SpringBootTest(classes = MarketplaceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"marketplace.demo-data=true", "management.tracing.export.enabled=false",
                "marketplace.fulfilment.enabled=false", "marketplace.rate-limit.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class MarketplaceApiTests {

    /** How long the read models may take to reflect a command. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;

    Api api;

    /** Every product of the demo catalog, by name. */
    List<Product> products;

    /** A product as {@code GET /catalog/products} lists it. */
    record Product(String id, String producerId, String producerName, String name, BigDecimal price,
                   boolean available) {
    }

    /** A quantity of a product, as an order request names it. */
    record Item(Product product, int quantity) {

        BigDecimal subtotal() {
            return product.price().multiply(BigDecimal.valueOf(quantity));
        }
    }

    @BeforeEach
    void connectOnceTheCatalogIsListed() {
        api = new Api(port);
        Set<String> demo = DemoCatalog.products().stream().map(p -> p.productId().toString())
                .collect(Collectors.toSet());
        // the demo products only: a test may have registered others in the same application
        products = await().atMost(PATIENCE).until(
                () -> catalog().stream().filter(p -> demo.contains(p.id())).toList(),
                listed -> listed.size() == demo.size());
    }

    List<Product> catalog() {
        return api.get("/catalog/products").expect(200).json().valueStream()
                .map(p -> new Product(p.get("productId").asString(), p.get("producerId").asString(),
                        p.get("producerName").asString(), p.get("name").asString(), p.get("price").decimalValue(),
                        p.get("available").asBoolean()))
                .toList();
    }

    /** The n-th product on sale, by name. */
    Product available(int n) {
        return products.stream().filter(Product::available).toList().get(n);
    }

    /** A product of the demo catalog that is not on sale, as {@code ?available=false} lists it. */
    Product unavailable() {
        JsonNode listed = api.get("/catalog/products?available=false").expect(200).json();
        assertThat(listed.size()).as("unavailable demo products").isPositive();
        String id = listed.get(0).get("productId").asString();
        return products.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    static Item item(Product product, int quantity) {
        return new Item(product, quantity);
    }

    static BigDecimal total(Item... items) {
        return Arrays.stream(items).map(Item::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static Map<String, Object> address(String street) {
        return Map.of("street", street, "city", "Lyon", "postalCode", "69001", "country", "FR");
    }

    static Map<String, Object> placement(String customerId, Item... items) {
        return Map.of("customerId", customerId,
                "items", Arrays.stream(items)
                        .map(i -> Map.of("productId", i.product().id(), "quantity", i.quantity())).toList(),
                "shippingAddress", address("1 Rue de la République"));
    }

    Api.Response place(String customerId, Item... items) {
        return api.post("/orders", placement(customerId, items));
    }

    /** Places an order and returns it as the 201 response shows it. */
    JsonNode placed(String customerId, Item... items) {
        return place(customerId, items).expect(201).json();
    }

    Api.Response addItem(String orderId, Item item, String... headers) {
        return api.post("/orders/" + orderId + "/items",
                Map.of("productId", item.product().id(), "quantity", item.quantity()), headers);
    }

    Api.Response removeItem(String orderId, Product product, int quantity, String... headers) {
        return api.delete("/orders/" + orderId + "/items/" + product.id() + "?quantity=" + quantity, headers);
    }

    Api.Response changeAddress(String orderId, Map<String, Object> address, String... headers) {
        return api.put("/orders/" + orderId + "/shipping-address", address, headers);
    }

    Api.Response pay(String orderId, BigDecimal amount, String... headers) {
        return api.post("/orders/" + orderId + "/payment",
                Map.of("amount", amount, "currency", "EUR", "method", "CARD", "reference", "psp-" + orderId), headers);
    }

    /** Pays the order's total as the given view of it shows it. */
    Api.Response payInFull(JsonNode order, String... headers) {
        return pay(order.get("orderId").asString(), amount(order.get("total")), headers);
    }

    Api.Response ship(String orderId, String... headers) {
        return api.post("/orders/" + orderId + "/shipment", Map.of("trackingNumber", "TRK-" + orderId,
                "carrier", "La Poste"), headers);
    }

    Api.Response deliver(String orderId, String... headers) {
        return api.post("/orders/" + orderId + "/delivery", null, headers);
    }

    Api.Response cancel(String orderId, String reason, String... headers) {
        return api.post("/orders/" + orderId + "/cancellation", Map.of("reason", reason), headers);
    }

    /** Waits until {@code GET /orders/{id}} shows at least the given version, and returns that response. */
    Api.Response awaitOrder(String orderId, long version) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> api.get("/orders/" + orderId),
                        r -> r.status() == 200 && r.json().get("version").asLong() >= version);
    }

    /** The order's history as {@code GET /orders/{id}/events} returns it. */
    List<JsonNode> events(String orderId) {
        return api.get("/orders/" + orderId + "/events").expect(200).json().valueStream().toList();
    }

    static BigDecimal amount(JsonNode money) {
        assertThat(money.get("currency").asString()).isEqualTo("EUR");
        return money.get("amount").decimalValue();
    }

    /** Asserts an RFC 9457 problem response with this status, and returns its body. */
    static JsonNode problem(Api.Response response, int status) {
        response.expect(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    /** Asserts a 400 problem and returns the names of the fields it lists as invalid. */
    static List<String> invalidFields(Api.Response response) {
        JsonNode problem = problem(response, 400);
        assertThat(problem.get("type").asString()).endsWith("/invalid-request");
        return problem.get("errors").valueStream().peek(e -> assertThat(e.get("message").asString()).isNotBlank())
                .map(e -> e.get("field").asString()).toList();
    }

    /**
     * Asserts a 422 problem naming the rule, and the order's status when the request reached an order ({@code null}
     * when it did not, so the problem must have none).
     */
    static JsonNode ruleViolation(Api.Response response, String rule, String currentStatus) {
        JsonNode problem = problem(response, 422);
        assertThat(problem.get("rule").asString()).isEqualTo(rule);
        if (currentStatus == null) {
            assertThat(problem.has("currentStatus")).as("problem has a currentStatus: %s", problem).isFalse();
        } else {
            assertThat(problem.get("currentStatus").asString()).isEqualTo(currentStatus);
        }
        return problem;
    }

    /** Asserts a 404 problem for an order that does not exist. */
    static void orderNotFound(Api.Response response) {
        JsonNode problem = problem(response, 404);
        assertThat(problem.get("rule").asString()).isEqualTo("order-not-found");
    }

    /**
     * The value of the first Prometheus sample of the metric whose labels contain all the given ones, -1 when there
     * is none.
     */
    static double sample(String metrics, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        var matcher = line.matcher(metrics);
        while (matcher.find()) {
            String found = matcher.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return -1;
    }
}
