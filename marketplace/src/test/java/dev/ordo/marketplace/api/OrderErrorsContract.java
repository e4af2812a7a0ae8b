package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every way a request can fail, as RFC 9457 problems: 400 naming the invalid fields, 404 for an order that does
 * not exist, 409 for a stale {@code If-Match}, 422 naming the broken rule and the order's status. A refused command
 * appends nothing.
 */
abstract class OrderErrorsContract extends MarketplaceApiTests {

    private static final String UNKNOWN_ORDER = "01a20000-0000-7000-8000-000000000000";

    @Test
    void refusesABodyThatIsNotJsonOrHasAValueOfTheWrongType() {
        assertThat(invalidFields(api.post("/orders", "{\"customerId\": "))).containsExactly("body");

        String wrongType = """
                {"customerId": "%s", "items": [{"productId": "%s", "quantity": "lots"}],
                 "shippingAddress": {"street": "a", "city": "b", "postalCode": "c", "country": "d"}}"""
                .formatted(newId(), available(0).id());
        assertThat(invalidFields(api.post("/orders", wrongType))).containsExactly("items[0].quantity");
    }

    @Test
    void refusesAnOrderWithoutItsRequiredFieldsNamingEachOne() {
        assertThat(invalidFields(api.post("/orders", "{}"))).containsExactly("customerId", "items", "shippingAddress");
        assertThat(invalidFields(api.post("/orders", Map.of("customerId", newId(), "items", List.of(),
                "shippingAddress", address("1 Main Street"))))).containsExactly("items");
    }

    @Test
    void refusesBlankAddressFieldsNamingEachOne() {
        Map<String, Object> blank = Map.of("street", "", "city", "  ", "postalCode", "69001", "country", "FR");
        assertThat(invalidFields(api.post("/orders", Map.of("customerId", newId(), "items",
                List.of(Map.of("productId", available(0).id(), "quantity", 1)), "shippingAddress", blank))))
                .containsExactly("shippingAddress.city", "shippingAddress.street");

        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        assertThat(invalidFields(changeAddress(id, Map.of("street", "1 Main Street", "city", "Lyon",
                "postalCode", " ", "country", "FR")))).containsExactly("postalCode");
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void refusesAPaymentMethodItDoesNotKnow() {
        JsonNode order = placed(newId(), item(available(0), 1));
        String id = order.get("orderId").asString();

        assertThat(invalidFields(api.post("/orders/" + id + "/payment", Map.of("amount", amount(order.get("total")),
                "currency", "EUR", "method", "BITCOIN", "reference", "r-1")))).containsExactly("method");
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void refusesIdsInThePathThatAreNotUuids() {
        assertThat(invalidFields(api.get("/orders/not-a-uuid"))).containsExactly("orderId");
        assertThat(invalidFields(api.get("/orders/12345/events"))).containsExactly("orderId");
        assertThat(invalidFields(ship("not-a-uuid"))).containsExactly("orderId");
        String id = placed(newId(), item(available(0), 2)).get("orderId").asString();
        assertThat(invalidFields(api.delete("/orders/" + id + "/items/not-a-product?quantity=1")))
                .containsExactly("productId");
    }

    @Test
    void refusesAnIfMatchHeaderThatIsNotAVersion() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();

        for (String header : List.of("abc", "\"one\"", "W/\"-1\"", "\"1\", \"2\"")) {
            assertThat(invalidFields(cancel(id, "no longer needed", "If-Match", header))).containsExactly("If-Match");
        }
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void refusesQuantitiesThatAreZeroOrNegative() {
        Product product = available(0);
        assertThat(invalidFields(place(newId(), item(product, 0)))).containsExactly("items[0].quantity");
        String id = placed(newId(), item(product, 2)).get("orderId").asString();

        assertThat(invalidFields(addItem(id, item(available(1), 0)))).containsExactly("quantity");
        assertThat(invalidFields(addItem(id, item(available(1), -2)))).containsExactly("quantity");
        assertThat(invalidFields(removeItem(id, product, 0))).containsExactly("quantity");
        assertThat(invalidFields(removeItem(id, product, -1))).containsExactly("quantity");
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void refusesABlankCancellationReason() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();

        assertThat(invalidFields(cancel(id, "   "))).containsExactly("reason");
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void refusesAVersionOrPageThatIsNotPositive() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();

        assertThat(invalidFields(api.get("/orders/" + id + "?version=0"))).containsExactly("version");
        assertThat(invalidFields(api.get("/orders/" + id + "?version=-1"))).containsExactly("version");
        assertThat(invalidFields(api.get("/orders?page=-1"))).containsExactly("page");
        assertThat(invalidFields(api.get("/orders?size=0"))).containsExactly("size");
    }

    @Test
    void answersNotFoundForAnOrderThatDoesNotExistWhateverIsAsked() {
        Product product = available(0);
        orderNotFound(api.get("/orders/" + UNKNOWN_ORDER));
        orderNotFound(api.get("/orders/" + UNKNOWN_ORDER + "/events"));
        orderNotFound(api.get("/orders/" + UNKNOWN_ORDER + "?version=1"));
        orderNotFound(addItem(UNKNOWN_ORDER, item(product, 1)));
        orderNotFound(removeItem(UNKNOWN_ORDER, product, 1));
        orderNotFound(changeAddress(UNKNOWN_ORDER, address("1 Main Street")));
        orderNotFound(pay(UNKNOWN_ORDER, new BigDecimal("10.00")));
        orderNotFound(ship(UNKNOWN_ORDER));
        orderNotFound(deliver(UNKNOWN_ORDER));
        orderNotFound(cancel(UNKNOWN_ORDER, "never existed"));

        orderNotFound(api.get("/orders/" + UNKNOWN_ORDER + "/events"));
    }

    @Test
    void answersNotFoundForAVersionPastTheEndOfAnOrder() {
        JsonNode order = placed(newId(), item(available(0), 1));
        String id = order.get("orderId").asString();
        payInFull(order).expect(200);

        orderNotFound(api.get("/orders/" + id + "?version=3"));
        orderNotFound(api.get("/orders/" + id + "?version=1000"));
    }

    @Test
    void refusesAStaleIfMatchNamingTheCurrentVersionInBodyAndEtag() {
        JsonNode order = placed(newId(), item(available(0), 1));
        String id = order.get("orderId").asString();
        addItem(id, item(available(1), 1), "If-Match", etag(1)).expect(200);

        Api.Response stale = cancel(id, "too slow", "If-Match", etag(1));

        JsonNode problem = problem(stale, 409);
        assertThat(problem.get("type").asString()).endsWith("/version-conflict");
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.header("ETag")).isEqualTo(etag(2));
        assertThat(events(id)).hasSize(2);
    }

    @Test
    void refusesAPaymentThatDoesNotMatchTheOrderTotal() {
        JsonNode order = placed(newId(), item(available(0), 2));
        String id = order.get("orderId").asString();

        refused(pay(id, amount(order.get("total")).subtract(new BigDecimal("0.01"))), id, 1,
                "payment-amount-must-match-total", "PENDING");
    }

    @Test
    void refusesToShipAnOrderThatIsNotPaid() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();

        refused(ship(id), id, 1, "shipment-requires-paid-order", "PENDING");
    }

    @Test
    void refusesToDeliverAnOrderThatIsNotShipped() {
        JsonNode order = placed(newId(), item(available(0), 1));
        String id = order.get("orderId").asString();
        payInFull(order).expect(200);

        refused(deliver(id), id, 2, "delivery-requires-shipped-order", "PAID");
    }

    @Test
    void refusesToRemoveMoreOfAProductThanWasOrdered() {
        Product product = available(0);
        String id = placed(newId(), item(product, 2), item(available(1), 1)).get("orderId").asString();

        refused(removeItem(id, product, 3), id, 1, "cannot-remove-more-than-ordered", "PENDING");
    }

    @Test
    void refusesToRemoveTheLastItemOfAnOrder() {
        Product product = available(0);
        String id = placed(newId(), item(product, 2)).get("orderId").asString();

        refused(removeItem(id, product, 2), id, 1, "order-must-keep-an-item", "PENDING");
    }

    @Test
    void refusesToChangeTheAddressOfAShippedOrder() {
        JsonNode order = placed(newId(), item(available(0), 1));
        String id = order.get("orderId").asString();
        payInFull(order).expect(200);
        ship(id).expect(200);

        refused(changeAddress(id, address("2 New Street")), id, 3, "address-change-only-before-shipment", "SHIPPED");
    }

    @Test
    void refusesToCancelADeliveredOrder() {
        JsonNode order = placed(newId(), item(available(0), 1));
        String id = order.get("orderId").asString();
        payInFull(order).expect(200);
        ship(id).expect(200);
        deliver(id).expect(200);

        refused(cancel(id, "arrived too late"), id, 4, "cancel-not-after-delivery", "DELIVERED");
    }

    @Test
    void refusesToPayAnOrderTwiceOrToChangeItsItemsOncePaid() {
        JsonNode order = placed(newId(), item(available(0), 1));
        String id = order.get("orderId").asString();
        payInFull(order).expect(200);

        refused(payInFull(order), id, 2, "payment-requires-pending-order", "PAID");
        refused(addItem(id, item(available(1), 1)), id, 2, "items-only-change-while-pending", "PAID");
    }

    @Test
    void refusesToCancelAnOrderTwice() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        cancel(id, "ordered by mistake").expect(200);

        refused(cancel(id, "really"), id, 2, "order-already-cancelled", "CANCELLED");
    }

    @Test
    void refusesAProductThatIsNotInTheCatalog() {
        Product ghost = new Product(newId(), newId(), "Nobody", "Ghost", BigDecimal.ONE, true);
        ruleViolation(place(newId(), item(ghost, 1)), "product-not-in-catalog", null);

        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        refused(addItem(id, item(ghost, 1)), id, 1, "product-not-in-catalog", null);
    }

    @Test
    void refusesAProductThatIsNotOnSale() {
        Product stollen = unavailable();
        assertThat(stollen.available()).isFalse();
        JsonNode problem = ruleViolation(place(newId(), item(available(0), 1), item(stollen, 1)),
                "product-unavailable", null);
        assertThat(problem.get("detail").asString()).contains(stollen.id());

        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        refused(addItem(id, item(stollen, 1)), id, 1, "product-unavailable", null);
    }

    /** Asserts a 422 for the rule, and that the order still has exactly the events it had. */
    private void refused(Api.Response response, String orderId, int events, String rule, String currentStatus) {
        JsonNode problem = ruleViolation(response, rule, currentStatus);
        assertThat(problem.get("type").asString()).endsWith("/rule-violation");
        assertThat(problem.get("detail").asString()).contains(rule);
        assertThat(events(orderId)).hasSize(events);
    }
}
