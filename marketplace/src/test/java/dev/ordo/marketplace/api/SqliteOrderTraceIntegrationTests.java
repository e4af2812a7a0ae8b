package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One order is one trace: the embedded application, every request and what it causes sampled, its spans kept in
 * memory. The placement's request is the root; its command, the append, the read models' pages, the process manager's
 * reaction, every step of the fulfilment saga, the participants' work and the notification all descend from it.
 */
@Import(SqliteOrderTraceIntegrationTests.KeptSpans.class)
class SqliteOrderTraceIntegrationTests extends MarketplaceApiTests {

    private static final String SAGA = "order-fulfilment";
    private static final List<String> EXPECTED = List.of(
            "command PlaceOrder", "append order", "subscription orders", "subscription " + SAGA, "react " + SAGA,
            "command StartFulfilment", "append saga",
            "step " + SAGA + "/accept-order", "step " + SAGA + "/reserve-stock", "step " + SAGA + "/take-payment",
            "step " + SAGA + "/record-payment", "step " + SAGA + "/create-shipment", "step " + SAGA + "/ship-order",
            "step " + SAGA + "/confirm", "step " + SAGA + "/ship-stock",
            "participant " + SAGA + "/reserve-stock", "participant " + SAGA + "/create-shipment",
            "participant " + SAGA + "/confirm",
            "append stock", "subscription stock", "append payment", "append shipment",
            "append notification", "subscription notifications");

    @TempDir
    static Path folder;

    @Autowired
    InMemorySpanExporter exported;

    @Autowired
    SdkTracerProvider tracer;

    @DynamicPropertySource
    static void tracedFulfilment(DynamicPropertyRegistry registry) {
        TestStores.sqlite(registry, () -> folder);
        registry.add("marketplace.fulfilment.enabled", () -> "true");
        registry.add("marketplace.payments.latency", () -> "5ms");
        registry.add("management.tracing.export.enabled", () -> "true");
        registry.add("management.tracing.sampling.probability", () -> "1.0");
    }

    /** Where the application's spans go instead of a collector. */
    @TestConfiguration(proxyBeanMethods = false)
    static class KeptSpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Test
    void anOrdersPlacementFulfilmentPaymentShipmentAndNotificationFormOneTreeUnderItsRequest() {
        String customer = newId();
        String id = placed(customer, item(available(0), 1)).get("orderId").asString();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> api.get("/orders/" + id),
                r -> r.status() == 200 && r.json().get("status").asString().equals("SHIPPED"));
        await().atMost(PATIENCE).until(() -> api.get("/customers/" + customer + "/notifications").expect(200)
                .json().size() == 4);

        SpanTree trace = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> ended(id), t -> t != null && t.names().containsAll(EXPECTED));

        SpanData root = trace.assertIsOneTree();
        assertThat(root.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(root.getName()).contains("post");
        assertThat(trace.named("command PlaceOrder")).singleElement()
                .satisfies(command -> assertThat(command.getParentSpanId()).isEqualTo(root.getSpanId()));
        assertThat(trace.named("step " + SAGA + "/reserve-stock")).allSatisfy(step ->
                assertThat(trace.descendsFrom(step, "command StartFulfilment")).isTrue());
        assertThat(trace.named("append notification")).allSatisfy(append ->
                assertThat(trace.descendsFrom(append, "step " + SAGA + "/confirm")).isTrue());
        assertThat(orderEvents(id)).as("the trace context the order's events were written with")
                .allSatisfy(e -> assertThat(e.get("metadata").get("traceParent").asString())
                        .startsWith("00-" + trace.traceId() + "-"));
    }

    /** The trace of the order, as far as its spans ended and were exported. */
    private SpanTree ended(String orderId) {
        tracer.forceFlush().join(10, TimeUnit.SECONDS);
        return SpanTree.ofStream(exported.getFinishedSpanItems(), "order-" + orderId).orElse(null);
    }

    private List<JsonNode> orderEvents(String orderId) {
        return api.get("/orders/" + orderId + "/events").expect(200).json().valueStream().toList();
    }
}
