package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** An order's whole life over HTTP, each step visible in the read model and in the order's history. */
abstract class OrderLifecycleContract extends MarketplaceApiTests {

    @Test
    void takesAnOrderFromPlacementToDeliveryWithEveryStepVisibleThroughGet() {
        Product candles = available(0);
        Product croissants = available(1);
        Product juice = available(2);
        String customer = newId();
        String correlation = "lifecycle-" + newId();

        Api.Response placing = api.post("/orders", placement(customer, item(candles, 2), item(croissants, 1)),
                headers(correlation, 1));
        JsonNode order = step(placing, 201, 1);
        String id = order.get("orderId").asString();
        assertThat(placing.header("Location")).isEqualTo("/orders/" + id);
        assertThat(placing.header("X-Correlation-Id")).isEqualTo(correlation + "-1");
        assertThat(order.get("customerId").asString()).isEqualTo(customer);
        assertThat(order.get("status").asString()).isEqualTo("PENDING");
        assertThat(lines(order)).containsExactly(line(candles, 2), line(croissants, 1));
        BigDecimal placedTotal = total(item(candles, 2), item(croissants, 1));
        assertThat(amount(order.get("total"))).isEqualByComparingTo(placedTotal);

        order = step(addItem(id, item(juice, 3), with(headers(correlation, 2), "If-Match", etag(1))), 200, 2);
        assertThat(lines(order)).containsExactly(line(candles, 2), line(croissants, 1), line(juice, 3));
        assertThat(amount(order.get("total"))).isEqualByComparingTo(placedTotal.add(item(juice, 3).subtotal()));

        order = step(removeItem(id, candles, 1, headers(correlation, 3)), 200, 3);
        assertThat(lines(order)).containsExactly(line(candles, 1), line(croissants, 1), line(juice, 3));
        BigDecimal finalTotal = total(item(candles, 1), item(croissants, 1), item(juice, 3));
        assertThat(amount(order.get("total"))).isEqualByComparingTo(finalTotal);

        order = step(changeAddress(id, address("7 Quai Saint-Antoine"), headers(correlation, 4)), 200, 4);
        assertThat(order.get("shippingAddress").get("street").asString()).isEqualTo("7 Quai Saint-Antoine");

        order = step(pay(id, finalTotal, with(headers(correlation, 5), "If-Match", etag(4))), 200, 5);
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(amount(order.get("payment").get("amount"))).isEqualByComparingTo(finalTotal);
        assertThat(order.get("payment").get("method").asString()).isEqualTo("CARD");
        assertThat(order.get("payment").get("reference").asString()).isEqualTo("psp-" + id);

        order = step(ship(id, headers(correlation, 6)), 200, 6);
        assertThat(order.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(order.get("shipment").get("trackingNumber").asString()).isEqualTo("TRK-" + id);
        assertThat(order.get("shipment").get("carrier").asString()).isEqualTo("La Poste");

        order = step(deliver(id, headers(correlation, 7)), 200, 7);
        assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(order.get("deliveredAt").isNull()).isFalse();
        assertThat(order.get("cancellation").isNull()).isTrue();

        List<JsonNode> events = events(id);
        assertThat(events).extracting(e -> e.get("type").asString()).containsExactly("order.placed",
                "order.item-added", "order.item-removed", "order.shipping-address-changed", "order.paid",
                "order.shipped", "order.delivered");
        assertThat(events).extracting(e -> e.get("version").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 7).boxed().toList());
        assertThat(events).extracting(e -> e.get("position").asLong()).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(event.get("data").get("orderId").asString()).isEqualTo(id);
            JsonNode metadata = event.get("metadata");
            assertThat(metadata.get("correlationId").asString()).isEqualTo(correlation + "-" + (i + 1));
            assertThat(metadata.get("actor").asString()).as("the token's subject").isEqualTo("operator");
            assertThat(metadata.get("causationId").asString()).isNotBlank().isNotEqualTo(correlation + "-" + (i + 1));
        }
        assertThat(events).extracting(e -> e.get("metadata").get("causationId").asString()).doesNotHaveDuplicates();
        JsonNode placedEvent = events.get(0).get("data");
        assertThat(placedEvent.get("customerId").asString()).isEqualTo(customer);
        assertThat(amount(placedEvent.get("total"))).isEqualByComparingTo(placedTotal);
        assertThat(placedEvent.get("lines").size()).isEqualTo(2);
        JsonNode added = events.get(1).get("data");
        assertThat(added.get("productId").asString()).isEqualTo(juice.id());
        assertThat(added.get("quantity").asInt()).isEqualTo(3);
        assertThat(amount(added.get("unitPrice"))).isEqualByComparingTo(juice.price());
        JsonNode removed = events.get(2).get("data");
        assertThat(removed.get("productId").asString()).isEqualTo(candles.id());
        assertThat(removed.get("quantity").asInt()).isEqualTo(1);
        assertThat(removed.get("lineQuantity").asInt()).isEqualTo(1);
        assertThat(amount(removed.get("orderTotal"))).isEqualByComparingTo(finalTotal);
        assertThat(events.get(3).get("data").get("shippingAddress").get("street").asString())
                .isEqualTo("7 Quai Saint-Antoine");
        assertThat(amount(events.get(4).get("data").get("amount"))).isEqualByComparingTo(finalTotal);
        assertThat(events.get(4).get("data").get("method").asString()).isEqualTo("CARD");
        assertThat(events.get(5).get("data").get("carrier").asString()).isEqualTo("La Poste");
        assertThat(events.get(6).get("data").get("deliveredAt").asString()).isNotBlank();
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"PENDING", "PAID", "SHIPPED"})
    void cancelsAnOrderWithItsReasonInEveryStatusBeforeDelivery(String from) {
        JsonNode order = placed(newId(), item(available(3), 2));
        String id = order.get("orderId").asString();
        long version = 1;
        if (!from.equals("PENDING")) {
            step(payInFull(order), 200, ++version);
        }
        if (from.equals("SHIPPED")) {
            step(ship(id), 200, ++version);
        }

        order = step(cancel(id, "the customer found it cheaper elsewhere"), 200,
                ++version);

        assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.get("cancellation").get("reason").asString())
                .isEqualTo("the customer found it cheaper elsewhere");
        assertThat(order.get("cancellation").get("cancelledFrom").asString()).isEqualTo(from);
        assertThat(order.get("cancellation").get("cancelledAt").isNull()).isFalse();
        JsonNode cancelled = events(id).getLast();
        assertThat(cancelled.get("type").asString()).isEqualTo("order.cancelled");
        assertThat(cancelled.get("version").asLong()).isEqualTo(version);
        assertThat(cancelled.get("data").get("reason").asString()).isEqualTo("the customer found it cheaper elsewhere");
        assertThat(cancelled.get("data").get("cancelledFrom").asString()).isEqualTo(from);
        assertThat(cancelled.get("metadata").get("actor").asString()).isEqualTo("operator");
    }

    @Test
    void refusesToCancelADeliveredOrderAndLeavesItDelivered() {
        JsonNode order = placed(newId(), item(available(4), 1));
        String id = order.get("orderId").asString();
        step(payInFull(order), 200, 2);
        step(ship(id), 200, 3);
        step(deliver(id), 200, 4);

        ruleViolation(cancel(id, "changed my mind"), "cancel-not-after-delivery", "DELIVERED");

        assertThat(events(id)).hasSize(4);
        assertThat(api.get("/orders/" + id).expect(200).json().get("status").asString()).isEqualTo("DELIVERED");
    }

    /**
     * Asserts a command's response (status, ETag and version) and that {@code GET /orders/{id}} soon shows exactly the
     * same order with the same ETag; returns the order.
     */
    private JsonNode step(Api.Response response, int status, long version) {
        response.expect(status);
        assertThat(response.header("ETag")).isEqualTo(etag(version));
        JsonNode order = response.json();
        assertThat(order.get("version").asLong()).isEqualTo(version);
        Api.Response read = awaitOrder(order.get("orderId").asString(), version);
        assertThat(read.header("ETag")).isEqualTo(etag(version));
        assertThat(read.json()).isEqualTo(order);
        return order;
    }

    private static String[] headers(String correlation, int step) {
        return new String[] {"X-Correlation-Id", correlation + "-" + step};
    }

    private static String[] with(String[] headers, String name, String value) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    private static List<String> lines(JsonNode order) {
        return order.get("lines").valueStream().map(l -> l.get("productId").asString() + " " + l.get("productName")
                .asString() + " x" + l.get("quantity").asInt() + " @ " + amount(l.get("unitPrice")).stripTrailingZeros()
                .toPlainString() + " = " + amount(l.get("subtotal")).stripTrailingZeros().toPlainString()).toList();
    }

    private static String line(Product product, int quantity) {
        return product.id() + " " + product.name() + " x" + quantity + " @ "
                + product.price().stripTrailingZeros().toPlainString() + " = "
                + product.price().multiply(BigDecimal.valueOf(quantity)).stripTrailingZeros().toPlainString();
    }
}
