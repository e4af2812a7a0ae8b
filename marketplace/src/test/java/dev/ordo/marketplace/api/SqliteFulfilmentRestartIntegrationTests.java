package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.MarketplaceApplication;
import dev.ordo.marketplace.inventory.app.DemoStock;
import dev.ordo.marketplace.inventory.app.InventoryService;
import dev.ordo.marketplace.payments.app.PaymentsConfiguration;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import dev.ordo.marketplace.shared.ProductId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The application stopped in the middle of a fulfilment, right after the payment provider charged the customer and
 * before the saga heard back, then started again on the same SQLite file with the same provider (a real one outlives
 * the marketplace): the saga finishes, the customer was charged once and the stock reserved once.
 */
class SqliteFulfilmentRestartIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void aFulfilmentStoppedAfterTheChargeCompletesAfterARestartWithOneChargeAndOneReservation() throws Exception {
        Path file = folder.resolve("ordo.db");
        FakePaymentProvider provider = new FakePaymentProvider(
                FakePaymentSettings.ofDefaults().withLatency(Duration.ofMillis(5)), Clock.systemUTC());
        String orderId;
        String productId;
        try (ConfigurableApplicationContext first = start(file, provider)) {
            Api api = new Api(port(first));
            productId = await().atMost(PATIENCE).until(() -> api.get("/catalog/products?available=true").json(),
                    listed -> listed.size() > 0).get(0).get("productId").asString();
            await().atMost(PATIENCE).until(() -> api.get("/inventory/" + productId).status() == 200);
            CountDownLatch charged = provider.hangAfterNextCapture();

            orderId = api.post("/orders", Map.of("customerId", MarketplaceApiTests.newId(), "items",
                    List.of(Map.of("productId", productId, "quantity", 2)),
                    "shippingAddress", MarketplaceApiTests.address("1 Crash Lane"))).expect(201).json()
                    .get("orderId").asString();

            assertThat(charged.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(provider.ledger().charges()).hasSize(1);
        }

        try (ConfigurableApplicationContext second = start(file, provider)) {
            Api api = new Api(port(second));
            JsonNode saga = await().atMost(PATIENCE).until(() -> api.get("/orders/" + orderId + "/fulfilment").json(),
                    s -> s.get("status").asString().equals("COMPLETED"));
            String sagaId = saga.get("sagaId").asString();

            assertThat(saga.get("steps").valueStream().filter(s -> s.get("name").asString().equals("take-payment"))
                    .findFirst().orElseThrow().get("attempts").asInt())
                    .as("the attempt cut short by the stop is resumed, not counted as failed").isEqualTo(1);
            assertThat(api.get("/sagas/" + sagaId + "/events").expect(200).json().valueStream()
                    .map(e -> e.get("type").asString())).contains("saga.step-resumed")
                    .doesNotContain("saga.step-attempt-failed", "saga.step-failed");
            assertThat(await().atMost(PATIENCE).until(() -> api.get("/orders/" + orderId).json(),
                    o -> o.get("status").asString().equals("SHIPPED")).get("status").asString()).isEqualTo("SHIPPED");
            assertThat(provider.ledger().chargesStartingWith(sagaId)).hasSize(1);
            assertThat(provider.ledger().charges()).hasSize(1);
            List<RecordedEvent> stock = second.getBean(EventStore.class)
                    .readStreamForwards(InventoryService.STOCK.stream(ProductId.parse(productId)), 1, 1_000);
            assertThat(stock).filteredOn(e -> e.eventType().equals("stock.reserved"))
                    .singleElement().satisfies(e -> assertThat(e.payload()).contains(sagaId + ":reserve-stock"));
            assertThat(stock).filteredOn(e -> e.eventType().equals("stock.reservation-shipped"))
                    .singleElement().satisfies(e -> assertThat(e.payload()).contains(sagaId + ":reserve-stock"));
            await().atMost(PATIENCE).until(() -> api.get("/inventory/" + productId).json(),
                    view -> view.get("reserved").asInt() == 0 && view.get("available").asInt() == DemoStock.UNITS - 2);
        }
    }

    private static ConfigurableApplicationContext start(Path file, FakePaymentProvider provider) {
        return new SpringApplicationBuilder(MarketplaceApplication.class)
                .initializers(context -> ((ConfigurableApplicationContext) context).getBeanFactory()
                        .registerSingleton(PaymentsConfiguration.PROVIDER, provider))
                .run("--server.port=0", "--ordo.store.type=sqlite", "--ordo.store.sqlite.path=" + file,
                        "--marketplace.demo-data=true", "--marketplace.fulfilment.enabled=true",
                        "--marketplace.fulfilment.shutdown-grace=100ms",
                        "--marketplace.payments.resilience.call-timeout=60s",
                        "--management.tracing.export.enabled=false", "--spring.main.banner-mode=off",
                        "--marketplace.rate-limit.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}
