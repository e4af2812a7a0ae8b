package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.marketplace.catalog.app.CatalogService;
import dev.ordo.marketplace.catalog.readmodel.ProductsProjection;
import dev.ordo.marketplace.inventory.app.InventoryService;
import dev.ordo.marketplace.notifications.app.NotificationService;
import dev.ordo.marketplace.ordering.app.OrderService;
import dev.ordo.marketplace.payments.app.PaymentService;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.services.CatalogServiceApplication;
import dev.ordo.marketplace.services.InventoryServiceApplication;
import dev.ordo.marketplace.services.NotificationsServiceApplication;
import dev.ordo.marketplace.services.OrdersServiceApplication;
import dev.ordo.marketplace.services.ParticipantEndpoint;
import dev.ordo.marketplace.services.PaymentsServiceApplication;
import dev.ordo.marketplace.services.QueryServiceApplication;
import dev.ordo.marketplace.services.ShippingServiceApplication;
import dev.ordo.marketplace.shipping.app.ShippingService;
import dev.ordo.spring.kafka.OrdoKafkaProjectionsLifecycle;
import dev.ordo.test.kafka.KafkaHarness;
import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The services of ADR 27 in one JVM: catalog, orders, inventory, payments, shipping, notifications and query, each a
 * Spring Boot application with its own database (SQLite files here), Kafka between them (the harness broker): relays
 * publish each service's events, the orders service keeps replicas of the catalog's and the stock's read models, its
 * fulfilment saga asks the inventory, payments, shipping and notifications by message, and the query and
 * notifications services follow the others' events.
 */
class ServicesIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    private ConfigurableApplicationContext catalog;
    private ConfigurableApplicationContext orders;
    private ConfigurableApplicationContext inventory;
    private ConfigurableApplicationContext secondInventory;
    private ConfigurableApplicationContext shipping;
    private ConfigurableApplicationContext notifications;
    private ConfigurableApplicationContext payments;
    private ConfigurableApplicationContext query;
    private ConfigurableApplicationContext secondQuery;

    /** Where every service's spans go (each service samples every request). */
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    @AfterEach
    void stopAll() {
        for (ConfigurableApplicationContext service : new ConfigurableApplicationContext[] {secondQuery, query, orders,
                notifications, payments, shipping, secondInventory, inventory, catalog}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void anOrderPlacedInTheOrdersServiceTakesTheCatalogsProductsThroughKafkaAndReachesTheQueryServicesAnalytics() {
        String prefix = "services-" + UUID.randomUUID().toString().substring(0, 8);
        startServices(prefix);
        query = service(QueryServiceApplication.class).run(concat(common(prefix, "query"),
                "--ordo.kafka.projections.enabled=true",
                "--ordo.kafka.projections.topics=" + prefix + ".order," + prefix + ".product",
                "--ordo.kafka.projections.group-prefix=" + prefix + ".query."));
        assertThat(query.getBeanNamesForType(OrderService.class)).isEmpty();
        assertThat(query.getBeanNamesForType(CatalogService.class)).isEmpty();
        assertThat(catalog.getBeanNamesForType(OrderService.class)).isEmpty();
        assertThat(orders.getBeanNamesForType(CatalogService.class)).isEmpty();
        assertThat(orders.getBeanNamesForType(ProductsProjection.class)).hasSize(1);
        for (Class<?> participant : List.of(InventoryService.class, ShippingService.class, NotificationService.class,
                PaymentService.class)) {
            assertThat(orders.getBeanNamesForType(participant)).as("the orders service runs no %s", participant)
                    .isEmpty();
        }
        assertThat(inventory.getBeanNamesForType(OrderService.class)).isEmpty();
        Api catalogApi = new Api(port(catalog));
        Api ordersApi = new Api(port(orders));
        assertThat(ordersApi.get("/catalog/products").status()).isEqualTo(404);

        JsonNode product = catalogApi.get("/catalog/products?available=true").expect(200).json().get(0);
        String productId = product.get("productId").asString();
        // read before the order: its reservation may reach the inventory's view before the next request does
        JsonNode stockBefore = new Api(port(inventory)).get("/inventory/" + productId).expect(200).json();
        // each service checks tokens itself; they share the development issuer's key, so one service's token is good
        // at another, and no token is no write
        new Api(port(inventory)).get("/inventory/" + productId, "Authorization", "Bearer " + ordersApi.token())
                .expect(200);
        assertThat(ordersApi.anonymous().post("/orders", order(productId)).status()).isEqualTo(401);
        assertThat(catalogApi.anonymous().put("/catalog/products/" + productId + "/availability",
                java.util.Map.of("available", true)).status()).isEqualTo(401);
        String id = await().atMost(PATIENCE).until(() -> ordersApi.post("/orders", order(productId)), r ->
                r.status() == 201).json().get("orderId").asString();
        JsonNode placed = ordersApi.get("/orders/" + id).expect(200).json();
        assertThat(placed.get("lines").get(0).get("productName").asString()).isEqualTo(product.get("name").asString());
        await().atMost(PATIENCE).until(() -> ordersApi.get("/orders/" + id).json().get("status").asString(),
                "SHIPPED"::equals);
        // the saga asked the other services by message: the customer was told, the unit left the inventory's stock;
        // the notifications service also followed the order's events on Kafka
        Api notificationsApi = new Api(port(notifications));
        String customer = placed.get("customerId").asString();
        await().atMost(PATIENCE).until(() -> notificationsApi.get("/customers/" + customer + "/notifications")
                .expect(200).json().valueStream().map(n -> n.get("kind").asString()).toList(), kinds -> kinds
                .containsAll(List.of("ORDER_PLACED", "ORDER_CONFIRMED")));
        Api inventoryApi = new Api(port(inventory));
        await().atMost(PATIENCE).until(() -> inventoryApi.get("/inventory/" + productId).json().get("version")
                .asLong() > stockBefore.get("version").asLong() + 1);
        assertThat(inventoryApi.get("/inventory/" + productId).json().get("reserved").asInt()).isZero();
        // the query service's analytics, fed only by the services' events on Kafka, count the paid order and name its
        // product's producer from the catalog's events
        Api queryApi = new Api(port(query));
        JsonNode analytics = await().atMost(PATIENCE).until(() -> queryApi.get("/analytics").expect(200).json(),
                view -> view.get("paidOrders").asLong() == 1);
        assertThat(analytics.get("revenue").decimalValue())
                .isEqualByComparingTo(placed.get("total").get("amount").decimalValue());
        assertThat(analytics.get("topProducers").get(0).get("producerName").asString())
                .isEqualTo(product.get("producerName").asString());
        // each service lists the projections it runs from its own store, not those fed from Kafka
        assertThat(queryApi.get("/projections").expect(200).json().isEmpty()).isTrue();
        assertThat(ordersApi.get("/projections").expect(200).json().valueStream().map(p -> p.get("name").asString()))
                .contains("orders").doesNotContain("products", "stock");
        // the order is one trace across the services: its request to the orders service, the saga's requests to the
        // participants and their replies, the relays' publishing and the other services' consumers of its events
        List<String> acrossServices = List.of("command PlaceOrder", "step order-fulfilment/reserve-stock",
                "participant order-fulfilment/reserve-stock", "reply reserve-stock",
                "participant order-fulfilment/take-payment", "participant order-fulfilment/create-shipment",
                "participant order-fulfilment/confirm", "append notification", "publish " + prefix + ".order",
                "consume " + prefix + ".query.orders", "consume " + prefix + ".notifications.notifications");
        SpanTree trace = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> trace(id),
                t -> t != null && t.names().containsAll(acrossServices));
        assertThat(trace.assertIsOneTree().getName()).isEqualTo("http post /orders");
        assertThat(trace.named("participant order-fulfilment/reserve-stock")).allSatisfy(participant ->
                assertThat(trace.descendsFrom(participant, "step order-fulfilment/reserve-stock")).isTrue());

        // a payment the payments service's provider declines cancels the order across the services: the order names
        // the provider's reason, the inventory released the reservation, the payments service recorded the decline
        FakePaymentProvider provider = payments.getBean(FakePaymentProvider.class);
        provider.configure(provider.settings().withDeclineRate(1));
        String other = catalogApi.get("/catalog/products?available=true").expect(200).json().get(1).get("productId")
                .asString();
        JsonNode otherStock = inventoryApi.get("/inventory/" + other).expect(200).json();
        String declined = await().atMost(PATIENCE).until(() -> ordersApi.post("/orders", order(other)), r ->
                r.status() == 201).json().get("orderId").asString();
        JsonNode cancelled = await().atMost(PATIENCE).until(() -> ordersApi.get("/orders/" + declined).json(),
                view -> view.get("status").asString().equals("CANCELLED"));
        assertThat(cancelled.get("cancellation").get("reason").asString()).startsWith("payment declined: ");
        await().atMost(PATIENCE).until(() -> inventoryApi.get("/inventory/" + other).json(), view -> view
                .get("reserved").asInt() == 0 && view.get("version").asLong() > otherStock.get("version").asLong());
        assertThat(inventoryApi.get("/inventory/" + other).json().get("available").asInt())
                .isEqualTo(otherStock.get("available").asInt());
        assertThat(new Api(port(payments)).get("/payments/" + declined).expect(200).json().get("payments").get(0)
                .get("status").asString()).isEqualTo("DECLINED");
        provider.configure(provider.settings().withDeclineRate(0));

        // while the provider cannot be reached the payments service keeps trying the charge instead of refusing it;
        // once the provider is back the order is paid once and shipped
        ParticipantEndpoint paymentsEndpoint = payments.getBean(ParticipantEndpoint.class);
        provider.outage(true);
        long triedBefore = paymentsEndpoint.handled();
        String delayed = await().atMost(PATIENCE).until(() -> ordersApi.post("/orders", order(other)), r ->
                r.status() == 201).json().get("orderId").asString();
        await().atMost(PATIENCE).until(() -> paymentsEndpoint.handled() >= triedBefore + 3);
        assertThat(ordersApi.get("/orders/" + delayed).json().get("status").asString()).isNotEqualTo("CANCELLED");
        provider.outage(false);
        await().atMost(PATIENCE).until(() -> ordersApi.get("/orders/" + delayed).json().get("status").asString(),
                "SHIPPED"::equals);
        assertThat(new Api(port(payments)).get("/payments/" + delayed).expect(200).json().get("payments"))
                .singleElement().satisfies(payment -> assertThat(payment.get("status").asString())
                        .isEqualTo("CAPTURED"));

        // the inventory knows the catalog's products from its events: a delivery of a product registered a moment
        // ago is taken once the registration arrived, one of a product never registered is refused
        String fresh = catalogApi.post("/catalog/products", Map.of("producerId", UUID.randomUUID().toString(),
                "producerName", "Test Workshop", "name", "Fresh product", "price", "12.00", "currency", "EUR",
                "available", true)).expect(201).json().get("productId").asString();
        JsonNode delivered = await().atMost(PATIENCE).until(() -> inventoryApi.post("/inventory/" + fresh
                + "/deliveries", Map.of("quantity", 5)), response -> response.status() == 200).json();
        assertThat(delivered.get("available").asInt()).isEqualTo(5);
        assertThat(inventoryApi.post("/inventory/" + UUID.randomUUID() + "/deliveries", Map.of("quantity", 5))
                .status()).isEqualTo(404);

        catalogApi.put("/catalog/products/" + productId + "/price", Map.of("price", "1234.50", "currency", "EUR"))
                .expect(200);
        await().atMost(PATIENCE).until(() -> ordersApi.post("/orders", order(productId)).json(), order -> order
                .get("lines").get(0).get("unitPrice").get("amount").decimalValue().toPlainString().equals("1234.50"));
    }

    @Test
    void twoInstancesOfTheQueryServiceShareItsPartitionsAndStoppingOneMovesThemWithNothingLostOrCountedTwice() {
        String prefix = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaHarness.createTopic(prefix + ".order", 4);
        startServices(prefix);
        // two instances of one service: one database, one consumer group per read model
        String[] queryArgs = concat(onPostgres(common(prefix, "query"), PostgresHarness.newDatabase()),
                "--ordo.kafka.projections.enabled=true",
                "--ordo.kafka.projections.topics=" + prefix + ".order," + prefix + ".product",
                "--ordo.kafka.projections.group-prefix=" + prefix + ".query.");
        query = service(QueryServiceApplication.class).run(queryArgs);
        secondQuery = service(QueryServiceApplication.class).run(queryArgs);
        Api catalogApi = new Api(port(catalog));
        Api ordersApi = new Api(port(orders));
        String productId = catalogApi.get("/catalog/products?available=true").expect(200).json().get(0)
                .get("productId").asString();

        // the group has settled: each instance holds some of the six partitions (four of orders, two of products)
        await().atMost(PATIENCE).until(() -> partitions(query, "orders") > 0 && partitions(secondQuery, "orders") > 0
                && partitions(query, "orders") + partitions(secondQuery, "orders") == 6);
        List<String> placed = new java.util.ArrayList<>(placeOrders(ordersApi, productId, 16));
        // with four partitions and sixteen orders, both instances have applied some (all on one side: 1 in 30,000)
        await().atMost(PATIENCE).until(() -> applied(query, "orders") > 0 && applied(secondQuery, "orders") > 0);
        query.close();
        query = null;
        placed.addAll(placeOrders(ordersApi, productId, 8));
        for (String id : placed) {
            await().atMost(PATIENCE).until(() -> ordersApi.get("/orders/" + id).json().get("status").asString(),
                    "SHIPPED"::equals);
        }

        Api remaining = new Api(port(secondQuery));
        JsonNode analytics = await().atMost(PATIENCE).until(() -> remaining.get("/analytics").expect(200).json(),
                view -> view.get("paidOrders").asLong() == 24);
        assertThat(analytics.get("totalOrders").asLong()).isEqualTo(24);
        assertThat(analytics.get("topProducts").get(0).get("units").asLong()).as("each order's line once")
                .isEqualTo(24);
    }

    @Test
    void twoInstancesOfTheInventoryShareItsRequestsAndStoppingOneLosesOrDoublesNoReservation() {
        String prefix = "stock-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaHarness.createTopic(prefix + ".inventory.requests", 4);
        // two instances of one participant: one database, one consumer group on the request topic
        String[] inventoryArgs = inventory(prefix, onPostgres(common(prefix, "inventory"),
                PostgresHarness.newDatabase()));
        startServices(prefix, inventoryArgs);
        secondInventory = service(InventoryServiceApplication.class).run(inventoryArgs);
        ParticipantEndpoint first = inventory.getBean(ParticipantEndpoint.class);
        ParticipantEndpoint second = secondInventory.getBean(ParticipantEndpoint.class);
        await().atMost(PATIENCE).until(() -> first.partitions() > 0 && second.partitions() > 0
                && first.partitions() + second.partitions() == 4);
        Api catalogApi = new Api(port(catalog));
        Api ordersApi = new Api(port(orders));
        String productId = catalogApi.get("/catalog/products?available=true").expect(200).json().get(0)
                .get("productId").asString();
        Api stockApi = new Api(port(secondInventory));
        int before = stockApi.get("/inventory/" + productId).expect(200).json().get("available").asInt();

        List<String> placed = new java.util.ArrayList<>(placeOrders(ordersApi, productId, 12));
        // twelve sagas keyed over four partitions: both instances have handled some (all on one side: 1 in 2,000)
        await().atMost(PATIENCE).until(() -> first.handled() > 0 && second.handled() > 0);
        inventory.close();
        inventory = null;
        placed.addAll(placeOrders(ordersApi, productId, 8));
        for (String id : placed) {
            await().atMost(PATIENCE).until(() -> ordersApi.get("/orders/" + id).json().get("status").asString(),
                    "SHIPPED"::equals);
        }

        JsonNode stock = await().atMost(PATIENCE).until(() -> stockApi.get("/inventory/" + productId).json(),
                view -> view.get("reserved").asInt() == 0 && view.get("available").asInt() == before - 20);
        assertThat(stock.get("available").asInt()).as("each order's unit taken once").isEqualTo(before - 20);
    }

    /** A service application whose spans go to this test's exporter. */
    private SpringApplicationBuilder service(Class<?> application) {
        return new SpringApplicationBuilder(application).initializers(context -> context.getBeanFactory()
                .registerSingleton("testSpanExporter", spans));
    }

    /** The trace of the order's placement across the services, as far as its spans ended in every running service. */
    private SpanTree trace(String orderId) {
        for (ConfigurableApplicationContext service : new ConfigurableApplicationContext[] {catalog, orders, inventory,
                shipping, notifications, payments, query}) {
            if (service != null && service.isActive()) {
                service.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
            }
        }
        return SpanTree.ofStream(spans.getFinishedSpanItems(), "order-" + orderId).orElse(null);
    }

    private static List<String> placeOrders(Api api, String productId, int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(await().atMost(PATIENCE).until(() -> api.post("/orders", order(productId)), r -> r.status() == 201)
                    .json().get("orderId").asString());
        }
        return ids;
    }

    /** Partitions the subscription of the named read model holds in this instance. */
    private static int partitions(ConfigurableApplicationContext service, String readModel) {
        return service.getBean(OrdoKafkaProjectionsLifecycle.class).subscriptions().stream()
                .filter(s -> s.status().group().endsWith("." + readModel)).mapToInt(s -> s.status().partitions()).sum();
    }

    /** Events the subscription of the named read model applied in this instance. */
    private static long applied(ConfigurableApplicationContext service, String readModel) {
        return service.getBean(OrdoKafkaProjectionsLifecycle.class).subscriptions().stream()
                .filter(s -> s.status().group().endsWith("." + readModel)).mapToLong(s -> s.status().applied()).sum();
    }

    /**
     * The services every order needs, on one broker under topics named {@code <prefix>.*}: the catalog relaying its
     * events to {@code <prefix>.product}; the inventory relaying its stock's to {@code <prefix>.stock}; the inventory,
     * payments, shipping and notifications answering the fulfilment's requests on their request topics; and the
     * orders service relaying its orders' events to {@code <prefix>.order}, keeping replicas of the products and the
     * stock, and running the fulfilment saga against the others.
     */
    private void startServices(String prefix) {
        startServices(prefix, inventory(prefix, common(prefix, "inventory")));
    }

    /** {@link #startServices(String)} with the inventory started with these arguments. */
    private void startServices(String prefix, String... inventoryArgs) {
        for (String topic : List.of("product", "stock", "order", "notification", "inventory.requests", "shipping.requests",
                "notifications.requests", "payments.requests", "payment", "fulfilment.replies")) {
            KafkaHarness.createTopic(prefix + "." + topic, 2);
        }
        catalog = service(CatalogServiceApplication.class).run(concat(common(prefix, "catalog"),
                relay(prefix, "catalog", "product")));
        inventory = service(InventoryServiceApplication.class).run(inventoryArgs);
        shipping = service(ShippingServiceApplication.class).run(common(prefix, "shipping"));
        payments = service(PaymentsServiceApplication.class).run(concat(common(prefix,
                "payments"), relay(prefix, "payments", "payment")));
        notifications = service(NotificationsServiceApplication.class).run(concat(concat(
                common(prefix, "notifications"), relay(prefix, "notifications", "notification")),
                "--ordo.kafka.projections.enabled=true",
                "--ordo.kafka.projections.topics=" + prefix + ".order," + prefix + ".notification",
                "--ordo.kafka.projections.group-prefix=" + prefix + ".notifications."));
        orders = service(OrdersServiceApplication.class).run(concat(concat(common(prefix,
                        "orders"), relay(prefix, "orders", "order")),
                "--ordo.kafka.projections.enabled=true", "--ordo.kafka.projections.names=products,stock",
                "--ordo.kafka.projections.topics=" + prefix + ".product," + prefix + ".stock",
                "--ordo.kafka.projections.group-prefix=" + prefix + ".orders.",
                "--ordo.kafka.sagas.reply-topic=" + prefix + ".fulfilment.replies",
                "--ordo.kafka.sagas.reply-group=" + prefix + ".fulfilment"));
    }

    /** The inventory's arguments: its relay, and the catalog's replica fed from the catalog's events. */
    private static String[] inventory(String prefix, String[] common) {
        return concat(concat(common, relay(prefix, "inventory", "stock")), "--ordo.kafka.projections.enabled=true",
                "--ordo.kafka.projections.names=products", "--ordo.kafka.projections.topics=" + prefix + ".product",
                "--ordo.kafka.projections.group-prefix=" + prefix + ".inventory.");
    }

    /** The arguments with the store on this PostgreSQL database instead of a SQLite file. */
    private static String[] onPostgres(String[] args, PostgresDatabase database) {
        return concat(java.util.Arrays.stream(args).filter(arg -> !arg.startsWith("--ordo.store.")).toArray(
                        String[]::new), "--ordo.store.type=postgres", "--ordo.store.postgres.url=" + database.jdbcUrl(),
                "--ordo.store.postgres.username=" + database.user(),
                "--ordo.store.postgres.password=" + database.password());
    }

    private static String[] relay(String prefix, String service, String category) {
        return new String[] {"--ordo.kafka.relay.enabled=true", "--ordo.kafka.relay.name=" + prefix + "-" + service,
                "--ordo.kafka.relay.topic-prefix=" + prefix + ".", "--ordo.kafka.relay.categories=" + category};
    }

    private String[] common(String prefix, String service) {
        return new String[] {"--server.port=0", "--ordo.store.type=sqlite",
                "--ordo.store.sqlite.path=" + folder.resolve(service + ".db"), "--marketplace.demo-data=true",
                "--ordo.kafka.bootstrap-servers=" + KafkaHarness.bootstrapServers(),
                "--marketplace.services.topic-prefix=" + prefix + ".",
                "--management.tracing.sampling.probability=1.0",
                "--spring.main.banner-mode=off"};
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    private static Map<String, Object> order(String productId) {
        return Map.of("customerId", UUID.randomUUID().toString(),
                "items", List.of(Map.of("productId", productId, "quantity", 1)),
                "shippingAddress", Map.of("street", "Main St 1", "city", "Berlin", "postalCode", "10115",
                        "country", "DE"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
