package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.marketplace.inventory.app.DemoStock;
import dev.ordo.marketplace.payments.app.ResilientPaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Order fulfilment over HTTP: every placed order is taken by its saga through stock, payment, shipment and
 * confirmation, or compensated with the reason on the order. The fake payment provider is the application's own bean,
 * changed through its test hooks and reset after each test.
 */
abstract class FulfilmentContract extends MarketplaceApiTests {

    private static final FakePaymentSettings FAST = FakePaymentSettings.ofDefaults().withLatency(Duration.ofMillis(5));
    private static final List<String> STEPS = List.of("accept-order", "reserve-stock", "take-payment",
            "record-payment", "create-shipment", "ship-order", "confirm", "ship-stock");

    @Autowired
    FakePaymentProvider payments;

    @Autowired
    ResilientPaymentProvider protectedPayments;

    @DynamicPropertySource
    static void fulfilment(DynamicPropertyRegistry registry) {
        registry.add("marketplace.fulfilment.enabled", () -> "true");
        registry.add("marketplace.payments.latency", () -> "5ms");
        QuickPaymentFaults.register(registry, Duration.ofMillis(500));
    }

    @AfterEach
    void resetThePaymentProvider() {
        payments.reset(FAST);
        protectedPayments.circuitBreaker().reset();
    }

    @Test
    void placingAnOrderRunsItsFulfilmentToShipmentWithOneChargeAndTheCustomerNotified() {
        Product first = plentiful(0);
        Product second = plentiful(1);
        JsonNode before = stock(first);
        String customer = newId();

        String id = placed(customer, item(first, 2), item(second, 1)).get("orderId").asString();

        JsonNode order = awaitStatus(id, "SHIPPED");
        assertThat(order.get("payment").get("reference").asString()).startsWith("psp_");
        assertThat(order.get("shipment").get("carrier").asString()).isEqualTo("La Poste");
        JsonNode saga = awaitSaga(id, "COMPLETED");
        String sagaId = saga.get("sagaId").asString();
        assertThat(saga.get("steps").valueStream().map(s -> s.get("name").asString())).containsExactlyElementsOf(STEPS);
        assertThat(saga.get("steps").valueStream()).allSatisfy(s -> {
            assertThat(s.get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(s.get("attempts").asInt()).isEqualTo(1);
        });
        assertThat(saga.get("data").get("trackingNumber").asString())
                .isEqualTo(order.get("shipment").get("trackingNumber").asString());
        assertThat(api.get("/sagas/" + sagaId).expect(200).json().get("status").asString()).isEqualTo("COMPLETED");
        List<String> history = api.get("/sagas/" + sagaId + "/events").expect(200).json().valueStream()
                .map(e -> e.get("type").asString()).toList();
        assertThat(history).as("one row per step: each success records the next start; the last step's reply, then the completion")
                .startsWith("saga.started", "saga.step-started").endsWith("saga.step-succeeded", "saga.completed")
                .filteredOn("saga.step-succeeded"::equals).hasSize(STEPS.size());
        assertThat(history).filteredOn("saga.step-started"::equals).hasSizeLessThan(STEPS.size());
        assertThat(api.get("/sagas?status=COMPLETED&type=order-fulfilment&limit=500").expect(200).json().valueStream()
                .map(s -> s.get("sagaId").asString())).contains(sagaId);

        assertThat(payments.ledger().chargesStartingWith(sagaId)).singleElement()
                .satisfies(charge -> assertThat(charge.amount().amount())
                        .isEqualByComparingTo(total(item(first, 2), item(second, 1))));
        assertThat(api.get("/payments/" + id).expect(200).json().get("payments").valueStream()
                .map(p -> p.get("status").asString())).containsExactly("CAPTURED");
        assertThat(api.get("/shipments/" + saga.get("data").get("shipmentId").asString()).expect(200).json()
                .get("status").asString()).isEqualTo("BOOKED");
        await().atMost(PATIENCE).until(() -> stock(first), after -> after.get("version").asLong()
                == before.get("version").asLong() + 2);
        assertThat(stock(first).get("available").asInt()).as("2 units left with the shipment")
                .isEqualTo(before.get("available").asInt() - 2);
        assertThat(stock(first).get("reserved").asInt()).isEqualTo(before.get("reserved").asInt());
        assertThat(await().atMost(PATIENCE).until(() -> notifications(customer), n -> n.size() == 4))
                .containsExactly("ORDER_CONFIRMED", "ORDER_SHIPPED", "ORDER_PAID", "ORDER_PLACED");
    }

    @Test
    void anOrdersTimelineGathersItsCausalChainAcrossTheContextsInOrder() {
        String customer = newId();
        String id = placed(customer, item(plentiful(2), 1)).get("orderId").asString();
        awaitSaga(id, "COMPLETED");

        List<JsonNode> timeline = await().atMost(PATIENCE).until(() -> api.get("/orders/" + id + "/timeline")
                .expect(200).json().valueStream().toList(), entries -> entries.stream()
                .map(e -> e.get("type").asString()).toList().containsAll(List.of("saga.completed",
                        "notification.sent")));

        assertThat(timeline).extracting(e -> e.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(timeline.getFirst().get("type").asString()).isEqualTo("order.placed");
        assertThat(timeline.getFirst().get("actor").asString()).isEqualTo("operator");
        assertThat(timeline).extracting(e -> e.get("context").asString()).contains("order", "saga", "stock",
                "payment", "shipment", "notification");
        assertThat(timeline).filteredOn(e -> e.get("type").asString().equals("saga.started")).singleElement()
                .satisfies(e -> assertThat(e.get("actor").asString()).isEqualTo("process-manager:order-fulfilment"));
        assertThat(timeline).as("what the saga's steps did in the other contexts")
                .filteredOn(e -> List.of("stock", "payment", "shipment", "notification")
                        .contains(e.get("context").asString()))
                .allSatisfy(e -> {
                    assertThat(e.get("actor").asString()).isEqualTo("saga:order-fulfilment");
                    assertThat(e.get("correlationId").asString()).isEqualTo(timeline.get(1).get("streamId").asString()
                            .substring("saga-".length()));
                });
        assertThat(timeline).filteredOn(e -> e.get("context").asString().equals("order"))
                .extracting(e -> e.get("type").asString())
                .containsSubsequence("order.placed", "order.paid", "order.shipped");
        assertThat(timeline).extracting(e -> e.get("data").get("orderId"))
                .filteredOn(java.util.Objects::nonNull).allSatisfy(o -> assertThat(o.asString()).isEqualTo(id));
        orderNotFound(api.as("bob").get("/orders/" + id + "/timeline"));
    }

    @Test
    void aDeclinedPaymentReleasesTheStockAndCancelsTheOrderSayingWhy() {
        Product product = plentiful(2);
        int availableBefore = stock(product).get("available").asInt();
        payments.configure(FAST.withDeclineRate(1));
        String customer = newId();

        String id = placed(customer, item(product, 3)).get("orderId").asString();

        JsonNode order = awaitStatus(id, "CANCELLED");
        assertThat(order.get("cancellation").get("reason").asString()).startsWith("payment declined: card declined");
        assertThat(order.get("cancellation").get("cancelledFrom").asString()).isEqualTo("PENDING");
        JsonNode saga = awaitSaga(id, "COMPENSATED");
        assertThat(stepStates(saga)).as("a failed step is compensated too, with nothing to undo")
                .containsEntry("accept-order", "COMPENSATED").containsEntry("reserve-stock", "COMPENSATED")
                .containsEntry("take-payment", "COMPENSATED").doesNotContainKey("record-payment");
        assertThat(payments.ledger().chargesStartingWith(saga.get("sagaId").asString())).isEmpty();
        assertThat(api.get("/payments/" + id).expect(200).json().get("payments").get(0).get("status").asString())
                .isEqualTo("DECLINED");
        await().atMost(PATIENCE).until(() -> stock(product).get("available").asInt() == availableBefore);
        assertThat(await().atMost(PATIENCE).until(() -> notifications(customer), n -> n.size() == 2))
                .containsExactly("ORDER_CANCELLED", "ORDER_PLACED");
    }

    @Test
    void anOrderForMoreThanIsInStockIsCancelledNamingTheProductAndWhatIsLeft() {
        Product scarce = products.stream().filter(p -> p.id().equals(DemoStock.scarceProduct().toString()))
                .findFirst().orElseThrow();
        Product plenty = plentiful(8);
        JsonNode plentyBefore = stock(plenty);

        String id = placed(newId(), item(plenty, 1), item(scarce, DemoStock.SCARCE_UNITS + 2))
                .get("orderId").asString();

        JsonNode order = awaitStatus(id, "CANCELLED");
        assertThat(order.get("cancellation").get("reason").asString()).isEqualTo("insufficient stock for "
                + scarce.name() + ": " + DemoStock.SCARCE_UNITS + " available, " + (DemoStock.SCARCE_UNITS + 2)
                + " requested");
        JsonNode saga = awaitSaga(id, "COMPENSATED");
        assertThat(stepStates(saga)).containsEntry("reserve-stock", "COMPENSATED").containsEntry("accept-order",
                "COMPENSATED").doesNotContainKey("take-payment");
        assertThat(payments.ledger().chargesStartingWith(saga.get("sagaId").asString())).isEmpty();
        assertThat(stock(scarce).get("available").asInt()).isEqualTo(DemoStock.SCARCE_UNITS);
        assertThat(stock(scarce).get("reserved").asInt()).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stock(plenty).get("version").asLong())
                .as("the line reserved before the shortage was released by the compensation")
                .isEqualTo(plentyBefore.get("version").asLong() + 2));
        assertThat(stock(plenty).get("available").asInt()).isEqualTo(plentyBefore.get("available").asInt());
        assertThat(stock(plenty).get("reserved").asInt()).isEqualTo(plentyBefore.get("reserved").asInt());
    }

    @Test
    void aRetriedDeliveryWithItsIdempotencyKeyAddsTheUnitsOnce() {
        Product product = plentiful(7);
        String deliveries = "/inventory/" + product.id() + "/deliveries";
        String key = "delivery-" + newId();
        Api.Response first = api.post(deliveries, Map.of("quantity", 40), "Idempotency-Key", key).expect(200);

        Api.Response retry = api.post(deliveries, Map.of("quantity", 40), "Idempotency-Key", key).expect(200);

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stock(product).get("version").asLong())
                .isEqualTo(first.json().get("version").asLong()));
        assertThat(stock(product).get("available").asInt()).isEqualTo(first.json().get("available").asInt());
    }

    @Test
    void aDeliveryAddsUnitsThatTheInventoryShowsAndBadDeliveriesAreRefusedSayingWhy() {
        Product product = plentiful(6);
        String deliveries = "/inventory/" + product.id() + "/deliveries";
        JsonNode first = api.post(deliveries, Map.of("quantity", 250)).expect(200).json();

        JsonNode second = api.post(deliveries, Map.of("quantity", 1)).expect(200).json();

        assertThat(second.get("available").asInt()).isEqualTo(first.get("available").asInt() + 1);
        assertThat(second.get("version").asLong()).isEqualTo(first.get("version").asLong() + 1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stock(product).get("version").asLong())
                .isEqualTo(second.get("version").asLong()));
        assertThat(stock(product).get("available").asInt()).isEqualTo(second.get("available").asInt());
        String registered = api.post("/catalog/products", Map.of("producerId", newId(), "producerName", "Atelier",
                "name", "Walnut Bowl", "price", 30, "currency", "EUR", "available", true)).expect(201).json()
                .get("productId").asString();
        assertThat(api.post("/inventory/" + registered + "/deliveries", Map.of("quantity", 5)).expect(200).json()
                .get("available").asInt()).as("a product can be stocked as soon as it is registered").isEqualTo(5);
        assertThat(invalidFields(api.post(deliveries, Map.of("quantity", 0)))).containsExactly("quantity");
        assertThat(invalidFields(api.post("/inventory/not-a-uuid/deliveries", Map.of("quantity", 1))))
                .containsExactly("productId");
        assertThat(problem(api.post("/inventory/" + newId() + "/deliveries", Map.of("quantity", 1)), 404)
                .get("rule").asString()).isEqualTo("product-not-found");
        JsonNode tooMany = problem(api.post(deliveries, Map.of("quantity", 1_000_000)), 422);
        assertThat(tooMany.get("rule").asString()).isEqualTo("quantity-limit-exceeded");
        assertThat(tooMany.get("detail").asString()).contains("would exceed 1000000");
        assertThat(stock(product).get("version").asLong()).isEqualTo(second.get("version").asLong());
    }

    @Test
    void aQuotePricesTheItemsAndSaysWhatTheStockCoversWithoutReservingAnything() {
        String bowl = registered("Walnut Bowl", 30);
        String spoon = registered("Olive Spoon", 7);
        api.post("/inventory/" + bowl + "/deliveries", Map.of("quantity", 5)).expect(200);
        Map<String, Object> request = Map.of("items", List.of(Map.of("productId", bowl, "quantity", 2),
                Map.of("productId", spoon, "quantity", 1)));

        JsonNode quote = await().atMost(PATIENCE).until(() -> api.post("/orders/quote", request),
                r -> r.status() == 200 && r.json().get("lines").get(0).get("available").asInt() == 5).json();

        assertThat(quote.get("lines").valueStream().map(l -> l.get("productName").asString() + " x"
                + l.get("quantity").asInt() + " " + l.get("subtotal").get("amount").decimalValue().stripTrailingZeros().toPlainString()
                + " available " + l.get("available").asInt() + " in stock " + l.get("inStock").asBoolean()))
                .containsExactly("Walnut Bowl x2 60 available 5 in stock true",
                        "Olive Spoon x1 7 available 0 in stock false");
        assertThat(amount(quote.get("total"))).isEqualByComparingTo("67");
        assertThat(quote.get("inStock").asBoolean()).isFalse();
        JsonNode tooMany = api.post("/orders/quote", Map.of("items", List.of(Map.of("productId", bowl,
                "quantity", 6)))).expect(200).json();
        assertThat(tooMany.get("inStock").asBoolean()).isFalse();
        assertThat(api.post("/orders/quote", Map.of("items", List.of(Map.of("productId", bowl, "quantity", 5))))
                .expect(200).json().get("inStock").asBoolean()).isTrue();
        JsonNode stock = api.get("/inventory/" + bowl).expect(200).json();
        assertThat(stock.get("available").asInt()).as("a quote reserves nothing").isEqualTo(5);
        assertThat(stock.get("reserved").asInt()).isZero();
        String metrics = api.get("/actuator/prometheus").expect(200).body();
        assertThat(sample(metrics, "ordo_coordination_runs_total", "operation=\"order-quote\"",
                "outcome=\"success\"")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aQuoteOfItemsThatCannotBeOrderedIsRefusedNamingTheRule() {
        Product product = plentiful(0);
        Product ghost = new Product(newId(), newId(), "Nobody", "Ghost", BigDecimal.ONE, true);

        ruleViolation(api.post("/orders/quote", Map.of("items", List.of(Map.of("productId", ghost.id(),
                "quantity", 1)))), "product-not-in-catalog", null);
        ruleViolation(api.post("/orders/quote", Map.of("items", List.of(Map.of("productId", unavailable().id(),
                "quantity", 1)))), "product-unavailable", null);
        ruleViolation(api.post("/orders/quote", Map.of("items", List.of(Map.of("productId", product.id(),
                "quantity", 1), Map.of("productId", product.id(), "quantity", 2)))), "duplicate-product-line", null);
        assertThat(invalidFields(api.post("/orders/quote", Map.of("items", List.of())))).containsExactly("items");
        String metrics = api.get("/actuator/prometheus").expect(200).body();
        assertThat(sample(metrics, "ordo_coordination_runs_total", "operation=\"order-quote\"",
                "outcome=\"failure\"")).isGreaterThanOrEqualTo(3);
    }

    /** Registers a product on sale at a price in EUR and returns its id once the catalog lists it. */
    private String registered(String name, int price) {
        String id = api.post("/catalog/products", Map.of("producerId", newId(), "producerName", "Atelier",
                "name", name, "price", price, "currency", "EUR", "available", true)).expect(201).json()
                .get("productId").asString();
        await().atMost(PATIENCE).until(() -> api.get("/catalog/products/" + id).status() == 200);
        return id;
    }

    @Test
    void aPaymentOutageOpensTheCircuitBreakerAndTheFulfilmentCompensates() {
        payments.outage(true);

        String id = placed(newId(), item(plentiful(3), 1)).get("orderId").asString();

        JsonNode order = awaitStatus(id, "CANCELLED");
        assertThat(order.get("cancellation").get("reason").asString()).startsWith("payment service unavailable");
        JsonNode saga = awaitSaga(id, "COMPENSATED");
        assertThat(stepStates(saga)).as("nothing was authorized, so the refund has nothing to give back although "
                + "the provider is unreachable").containsEntry("take-payment", "COMPENSATED")
                .containsEntry("reserve-stock", "COMPENSATED");
        JsonNode health = api.get("/actuator/health").expect(200).json();
        assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(health.get("components").get("payments").get("details").get("circuitBreaker").asString())
                .isEqualTo("OPEN");
        int callsWhileOpen = payments.calls();
        assertThat(callsWhileOpen).as("calls that reached the provider before the breaker opened").isEqualTo(4);
        assertThat(api.get("/actuator/prometheus").expect(200).body().lines()
                .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{"))
                .filter(line -> line.contains("name=\"payments\"") && line.contains("state=\"open\"")))
                .singleElement().satisfies(line -> assertThat(line).endsWith(" 1.0"));
    }

    @Test
    void cancellingARunningFulfilmentUndoesItAndCancelsTheOrderWithTheReason() {
        Product product = plentiful(4);
        int availableBefore = stock(product).get("available").asInt();
        payments.configure(FAST.withLatency(Duration.ofMillis(700)));
        String id = placed(newId(), item(product, 1)).get("orderId").asString();
        await().atMost(PATIENCE).until(() -> api.get("/orders/" + id + "/fulfilment").status() == 200
                && stepStates(api.get("/orders/" + id + "/fulfilment").json()).containsKey("take-payment"));

        JsonNode cancelling = api.post("/orders/" + id + "/fulfilment/cancel",
                Map.of("reason", "customer changed their mind")).expect(202).json();

        assertThat(cancelling.get("failure").asString()).isEqualTo("cancelled: customer changed their mind");
        JsonNode order = awaitStatus(id, "CANCELLED");
        assertThat(order.get("cancellation").get("reason").asString())
                .isEqualTo("fulfilment cancelled: customer changed their mind");
        JsonNode saga = awaitSaga(id, "COMPENSATED");
        String sagaId = saga.get("sagaId").asString();
        assertThat(payments.ledger().refundsStartingWith(sagaId))
                .hasSameSizeAs(payments.ledger().chargesStartingWith(sagaId));
        await().atMost(PATIENCE).until(() -> stock(product).get("available").asInt() == availableBefore);
        problem(api.post("/orders/" + id + "/fulfilment/cancel", Map.of("reason", "again")), 422);
    }

    @Test
    void aRefundThatKeepsFailingParksTheSagaAsADeadLetterUntilAnOperatorRedrivesItAfterTheFix() throws Exception {
        Product product = plentiful(7);
        int availableBefore = stock(product).get("available").asInt();
        CountDownLatch charged = payments.hangAfterNextCapture();
        String id = placed(newId(), item(product, 1)).get("orderId").asString();
        assertThat(charged.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("the capture charged").isTrue();
        api.post("/orders/" + id + "/fulfilment/cancel", Map.of("reason", "customer changed their mind"))
                .expect(202);
        payments.outage(true);
        payments.releaseHangs();

        JsonNode parkedSaga = awaitSaga(id, "PARKED");

        String sagaId = parkedSaga.get("sagaId").asString();
        assertThat(stepStates(parkedSaga)).containsEntry("take-payment", "COMPENSATION_PARKED");
        assertThat(payments.ledger().chargesStartingWith(sagaId)).hasSize(1);
        assertThat(payments.ledger().refundsStartingWith(sagaId)).isEmpty();
        // the saga is parked in its stream first; the alert that records the dead letter follows
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(api.get("/sagas/parked").expect(200).json()
                .valueStream().map(p -> p.get("sagaId").asString())).contains(sagaId));
        JsonNode letter = api.get("/dead-letters?status=PARKED&origin=saga-step:order-fulfilment").expect(200).json()
                .valueStream().filter(l -> l.get("key").asString().equals(sagaId)).findFirst().orElseThrow();
        assertThat(letter.toString()).contains("take-payment").contains("unavailable");
        payments.outage(false);
        protectedPayments.circuitBreaker().reset();

        JsonNode redriven = api.post("/dead-letters/" + letter.get("id").asString() + "/redrive",
                Map.of("note", "provider back")).expect(202).json();

        assertThat(redriven.get("letter").get("status").asString()).isEqualTo("RESOLVED");
        JsonNode compensated = awaitSaga(id, "COMPENSATED");
        assertThat(stepStates(compensated)).containsEntry("take-payment", "COMPENSATED")
                .containsEntry("reserve-stock", "COMPENSATED").containsEntry("accept-order", "COMPENSATED");
        assertThat(payments.ledger().refundsStartingWith(sagaId)).singleElement().satisfies(refund -> assertThat(
                refund.amount().amount()).isEqualByComparingTo(payments.ledger().chargesStartingWith(sagaId)
                .getFirst().amount().amount()));
        assertThat(awaitStatus(id, "CANCELLED").get("cancellation").get("reason").asString())
                .isEqualTo("fulfilment cancelled: customer changed their mind");
        assertThat(api.get("/sagas/" + sagaId + "/events").expect(200).json().valueStream()
                .map(e -> e.get("type").asString())).contains("saga.compensation-parked", "saga.compensation-redriven")
                .endsWith("saga.compensated");
        await().atMost(PATIENCE).until(() -> stock(product).get("available").asInt() == availableBefore);
        assertThat(api.get("/sagas/parked").expect(200).json().valueStream()
                .map(p -> p.get("sagaId").asString())).doesNotContain(sagaId);
    }

    @Test
    void unknownSagasAreNotFoundAndOnlyParkedSagasCanBeRedriven() {
        assertThat(problem(api.get("/sagas/" + newId()), 404).get("rule").asString()).isEqualTo("saga-not-found");
        assertThat(problem(api.get("/orders/" + newId() + "/fulfilment"), 404).get("rule").asString())
                .isEqualTo("saga-not-found");
        String id = placed(newId(), item(plentiful(5), 1)).get("orderId").asString();
        String sagaId = awaitSaga(id, "COMPLETED").get("sagaId").asString();

        JsonNode refused = problem(api.post("/sagas/" + sagaId + "/redrive", null), 422);

        assertThat(refused.get("rule").asString()).isEqualTo("saga-not-parked");
        assertThat(refused.get("currentStatus").asString()).isEqualTo("COMPLETED");
        assertThat(api.get("/sagas/parked").expect(200).json().valueStream().map(p -> p.get("sagaId").asString()))
                .doesNotContain(sagaId);
    }

    @Test
    void deadLettersAreListedAndUnknownOrMalformedOnesAreRefusedClearly() {
        assertThat(api.get("/dead-letters?status=PARKED&origin=saga-step:order-fulfilment").expect(200).json().isArray())
                .isTrue();
        assertThat(problem(api.get("/dead-letters/" + newId()), 404).get("rule").asString())
                .isEqualTo("dead-letter-not-found");
        assertThat(problem(api.post("/dead-letters/" + newId() + "/redrive", null), 404).get("rule").asString())
                .isEqualTo("dead-letter-not-found");
        assertThat(problem(api.get("/dead-letters?origin=orders"), 400).toString()).contains("kind:name");
    }

    @Test
    void theApiDocumentationListsTheNewContextsUnderTheirTags() {
        JsonNode docs = api.get("/v3/api-docs").expect(200).json();

        assertThat(docs.get("paths").propertyNames()).contains("/sagas", "/sagas/{sagaId}", "/sagas/{sagaId}/events",
                "/sagas/{sagaId}/redrive", "/orders/{orderId}/fulfilment", "/orders/{orderId}/fulfilment/cancel",
                "/inventory", "/inventory/{productId}", "/inventory/{productId}/deliveries", "/payments/{orderId}",
                "/shipments/{shipmentId}", "/orders/quote",
                "/customers/{customerId}/notifications");
        assertThat(docs.get("tags").valueStream().map(t -> t.get("name").asString())).contains("sagas", "fulfilment",
                "inventory", "payments", "shipping", "notifications");
    }

    /** The n-th product on sale that is not the scarce one. */
    Product plentiful(int n) {
        return products.stream().filter(Product::available)
                .filter(p -> !p.id().equals(DemoStock.scarceProduct().toString())).toList().get(n);
    }

    JsonNode stock(Product product) {
        return await().atMost(PATIENCE).until(() -> api.get("/inventory/" + product.id()), r -> r.status() == 200)
                .json();
    }

    JsonNode awaitStatus(String orderId, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> api.get("/orders/" + orderId),
                r -> r.status() == 200 && r.json().get("status").asString().equals(status)).json();
    }

    JsonNode awaitSaga(String orderId, String status) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/orders/" + orderId + "/fulfilment"),
                        r -> r.status() == 200 && r.json().get("status").asString().equals(status)).json();
    }

    List<String> notifications(String customerId) {
        return api.get("/customers/" + customerId + "/notifications").expect(200).json().valueStream()
                .map(n -> n.get("kind").asString()).toList();
    }

    static Map<String, String> stepStates(JsonNode saga) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        saga.get("steps").valueStream().forEach(s -> states.put(s.get("name").asString(), s.get("state").asString()));
        return states;
    }
}
