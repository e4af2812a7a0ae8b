package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.jdbc.JdbcProjections;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.MarketplaceApplication;
import dev.ordo.marketplace.catalog.DemoCatalog;
import dev.ordo.marketplace.catalog.RegisterProduct;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The application stopped in the middle of a stream of commands and started again on the same SQLite file: the
 * orders read model catches up to exactly what a rebuild from the first event gives, and holds every order of the
 * store at its last version. Fulfilment is off: the traffic takes the orders through their lifecycle by hand.
 */
class SqliteRestartIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void catchesUpAfterAStopInTheMiddleOfCommandsToWhatARebuildGives() throws Exception {
        Path file = folder.resolve("ordo.db");
        Traffic traffic;
        try (ConfigurableApplicationContext first = start(file)) {
            traffic = new Traffic(new Api(port(first)));
            traffic.thread.start();
            await().atMost(PATIENCE).until(() -> traffic.accepted.get() >= 40);
        }
        traffic.thread.join(PATIENCE.toMillis());
        assertThat(traffic.thread.isAlive()).isFalse();
        assertThat(traffic.unexpected).as("responses before the stop that were not 2xx").isEmpty();

        try (ConfigurableApplicationContext second = start(file)) {
            Api api = new Api(port(second));
            List<String> products = waitForCatalog(api);
            api.post("/orders", Map.of("customerId", MarketplaceApiTests.newId(), "items",
                    List.of(Map.of("productId", products.getFirst(), "quantity", 1)),
                    "shippingAddress", MarketplaceApiTests.address("after the restart"))).expect(201);
            EventStore store = second.getBean(EventStore.class);
            assertThat(second.getBean(Subscriptions.class).get("orders").orElseThrow()
                    .awaitPosition(store.headPosition(), PATIENCE)).isTrue();
            JdbcClient readModel = JdbcClient.create(second.getBean(OrdoDatabase.class).readDataSource());
            List<Map<String, Object>> details = rows(readModel, "order_details", "order_id");
            List<Map<String, Object>> lines = rows(readModel, "order_lines", "order_id, product_id");

            second.getBean(JdbcProjections.class).rebuild("orders").get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(rows(readModel, "order_details", "order_id")).isEqualTo(details);
            assertThat(rows(readModel, "order_lines", "order_id, product_id")).isEqualTo(lines);
            Map<String, Long> inReadModel = new TreeMap<>();
            details.forEach(row -> inReadModel.put((String) row.get("order_id"),
                    ((Number) row.get("version")).longValue()));
            assertThat(inReadModel).isEqualTo(lastVersions(store)).hasSizeGreaterThan(10);
        }
    }

    private static ConfigurableApplicationContext start(Path file) {
        return new SpringApplicationBuilder(MarketplaceApplication.class).run("--server.port=0",
                "--ordo.store.type=sqlite", "--ordo.store.sqlite.path=" + file, "--marketplace.demo-data=true",
                "--marketplace.fulfilment.enabled=false",
                "--management.tracing.export.enabled=false", "--spring.main.banner-mode=off",
                "--marketplace.rate-limit.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** The ids of the products on sale, once the catalog lists all of them. */
    private static List<String> waitForCatalog(Api api) {
        long onSale = DemoCatalog.products().stream().filter(RegisterProduct::available).count();
        return await().atMost(PATIENCE).until(() -> api.get("/catalog/products?available=true").expect(200).json()
                .valueStream().map(p -> p.get("productId").asString()).toList(), listed -> listed.size() == onSale);
    }

    private static List<Map<String, Object>> rows(JdbcClient jdbc, String table, String key) {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY " + key).query().listOfRows();
    }

    /** Every order stream of the store with the version of its last event, read from the global log. */
    private static Map<String, Long> lastVersions(EventStore store) {
        Map<String, Long> versions = new TreeMap<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.readAll(next, 1_000, EventFilter.categories("order"));
            if (page.isEmpty()) {
                return versions;
            }
            page.forEach(e -> versions.merge(e.streamId().idPart(), e.streamVersion(), Math::max));
            next = page.getLast().position() + 1;
        }
    }

    /**
     * Places orders and takes each a few steps further, one command after another, until the application stops
     * answering. Records every response that was not a success while it still answered.
     */
    private static final class Traffic implements Runnable {

        final Thread thread = Thread.ofVirtual().name("restart-traffic").unstarted(this);
        final AtomicInteger accepted = new AtomicInteger();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        private final Api api;

        Traffic(Api api) {
            this.api = api;
        }

        @Override
        public void run() {
            try {
                List<String> products = waitForCatalog(api);
                String customer = MarketplaceApiTests.newId();
                for (int n = 0; ; n++) {
                    int i = n;
                    JsonNode order = send(() -> api.post("/orders", Map.of("customerId", customer, "items",
                            List.of(Map.of("productId", products.get(i % products.size()), "quantity", i % 5 + 1)),
                            "shippingAddress", MarketplaceApiTests.address(i + " Restart Road"))));
                    if (order == null) {
                        return;
                    }
                    String id = order.get("orderId").asString();
                    String other = products.get((i + 1) % products.size());
                    JsonNode added = send(() -> api.post("/orders/" + id + "/items", Map.of("productId", other,
                            "quantity", 2)));
                    if (added == null || i % 3 == 0) {
                        continue;
                    }
                    JsonNode paid = send(() -> api.post("/orders/" + id + "/payment", Map.of("amount",
                            added.get("total").get("amount").decimalValue(), "currency", "EUR", "method", "PAYPAL",
                            "reference", "pp-" + id)));
                    if (paid != null && i % 3 == 1) {
                        send(() -> api.post("/orders/" + id + "/cancellation", Map.of("reason", "restart test")));
                    }
                }
            } catch (UncheckedIOException stopped) {
                // the application stopped answering: the end of the traffic
            }
        }

        /** The response's body when the command succeeded; null (and recorded) when it did not. */
        private JsonNode send(Supplier<Api.Response> request) {
            Api.Response response = request.get();
            if (response.status() / 100 != 2) {
                unexpected.add(response.status() + " " + response.body());
                return null;
            }
            accepted.incrementAndGet();
            return response.json();
        }
    }
}
