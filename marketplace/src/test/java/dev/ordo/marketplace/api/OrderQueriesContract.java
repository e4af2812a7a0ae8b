package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.store.EventStore;
import dev.ordo.jdbc.OrdoDatabase;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reading orders: as they were at a past version, as filtered, newest-first pages; and what operators read: health,
 * Prometheus metrics and the OpenAPI description.
 */
abstract class OrderQueriesContract extends MarketplaceApiTests {

    @Autowired
    private EventStore store;

    @Autowired
    private OrdoDatabase database;

    @Test
    void showsAnOrderAsItWasAtEachPastVersion() {
        Product first = available(0);
        Product second = available(1);
        JsonNode placed = placed(newId(), item(first, 2));
        String id = placed.get("orderId").asString();
        addItem(id, item(second, 1)).expect(200);
        JsonNode paid = payInFull(awaitOrder(id, 2).json()).expect(200).json();

        Api.Response atPlacement = api.get("/orders/" + id + "?version=1").expect(200);
        assertThat(atPlacement.header("ETag")).isEqualTo(etag(1));
        assertThat(atPlacement.json()).isEqualTo(placed);
        assertThat(atPlacement.json().get("lines").size()).isEqualTo(1);
        assertThat(amount(atPlacement.json().get("total"))).isEqualByComparingTo(total(item(first, 2)));
        assertThat(atPlacement.json().get("payment").isNull()).isTrue();

        JsonNode withSecondItem = api.get("/orders/" + id + "?version=2").expect(200).json();
        assertThat(withSecondItem.get("version").asLong()).isEqualTo(2);
        assertThat(withSecondItem.get("status").asString()).isEqualTo("PENDING");
        assertThat(withSecondItem.get("lines").size()).isEqualTo(2);
        assertThat(amount(withSecondItem.get("total"))).isEqualByComparingTo(total(item(first, 2), item(second, 1)));
        assertThat(withSecondItem.get("payment").isNull()).isTrue();

        assertThat(api.get("/orders/" + id + "?version=3").expect(200).json()).isEqualTo(paid);
        assertThat(awaitOrder(id, 3).json()).isEqualTo(paid);
        orderNotFound(api.get("/orders/" + id + "?version=4"));
    }

    @Test
    void listsOrdersNewestFirstInPagesFilteredByCustomerStatusAndDay() {
        String alice = newId();
        String bob = newId();
        List<String> alices = new ArrayList<>();
        List<String> bobs = new ArrayList<>();
        List<Instant> placedAt = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            JsonNode order = placed(alice, item(available(i % 4), i + 1));
            alices.add(order.get("orderId").asString());
            placedAt.add(Instant.parse(order.get("placedAt").asString()));
            if (i < 3) {
                payInFull(order).expect(200);
            } else if (i < 5) {
                cancel(order.get("orderId").asString(), "duplicate").expect(200);
            }
        }
        for (int i = 0; i < 5; i++) {
            JsonNode order = placed(bob, item(available(4), 1));
            bobs.add(order.get("orderId").asString());
            placedAt.add(Instant.parse(order.get("placedAt").asString()));
        }
        for (int i = 0; i < 7; i++) {
            awaitOrder(alices.get(i), i < 5 ? 2 : 1);
        }
        bobs.forEach(id -> awaitOrder(id, 1));
        List<String> alicesNewestFirst = alices.reversed();

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode listed = list("customerId=" + alice + "&size=3&page=" + page);
            assertThat(listed.get("page").asInt()).isEqualTo(page);
            assertThat(listed.get("size").asInt()).isEqualTo(3);
            assertThat(listed.get("totalItems").asLong()).isEqualTo(7);
            assertThat(listed.get("totalPages").asInt()).isEqualTo(3);
            assertThat(listed.get("items").size()).isEqualTo(page < 2 ? 3 : 1);
            listed.get("items").forEach(o -> assertThat(o.get("customerId").asString()).isEqualTo(alice));
            paged.addAll(ids(listed));
        }
        assertThat(paged).containsExactlyElementsOf(alicesNewestFirst);
        JsonNode beyond = list("customerId=" + alice + "&size=3&page=3");
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(7);

        assertThat(ids(list("customerId=" + alice + "&status=PAID"))).containsExactlyElementsOf(alices.subList(0, 3)
                .reversed());
        assertThat(ids(list("customerId=" + alice + "&status=CANCELLED")))
                .containsExactlyElementsOf(alices.subList(3, 5).reversed());
        assertThat(ids(list("customerId=" + alice + "&status=PENDING")))
                .containsExactlyElementsOf(alices.subList(5, 7).reversed());
        assertThat(ids(list("customerId=" + bob + "&status=PAID"))).isEmpty();
        JsonNode bobsOrders = list("customerId=" + bob);
        assertThat(ids(bobsOrders)).containsExactlyElementsOf(bobs.reversed());
        assertThat(bobsOrders.get("items").get(0).get("status").asString()).isEqualTo("PENDING");
        assertThat(bobsOrders.get("items").get(0).get("items").asInt()).isEqualTo(1);

        LocalDate firstDay = day(placedAt.stream().min(Comparator.naturalOrder()).orElseThrow());
        LocalDate lastDay = day(placedAt.stream().max(Comparator.naturalOrder()).orElseThrow());
        assertThat(ids(list("customerId=" + alice + "&from=" + firstDay + "&to=" + lastDay + "&size=10")))
                .containsExactlyElementsOf(alicesNewestFirst);
        assertThat(ids(list("customerId=" + alice + "&from=" + lastDay.plusDays(1)))).isEmpty();
        assertThat(ids(list("customerId=" + alice + "&to=" + firstDay.minusDays(1)))).isEmpty();
        // the furthest days a date parameter may name are no instants in milliseconds: they stand for the ends of time
        String lastPossibleDay = LocalDate.MAX.toString().replace("+", "%2B");
        assertThat(ids(list("customerId=" + alice + "&from=" + LocalDate.MIN + "&to=" + lastPossibleDay + "&size=10")))
                .containsExactlyElementsOf(alicesNewestFirst);
        assertThat(ids(list("customerId=" + alice + "&to=" + LocalDate.MIN))).isEmpty();

        assertThat(invalidFields(api.get("/orders?size=101"))).containsExactly("size");
        assertThat(invalidFields(api.get("/orders?status=LOST"))).containsExactly("status");
        assertThat(invalidFields(api.get("/orders?from=" + lastDay + "&to=" + firstDay.minusDays(1)))).isNotEmpty();
    }

    @Test
    void reportsTheStoreAndCaughtUpSubscriptionsAsHealthy() {
        placed(newId(), item(available(0), 1));

        JsonNode ordo = await().atMost(PATIENCE).until(() -> api.get("/actuator/health").json().get("components")
                .get("ordo"), this::caughtUp);

        assertThat(api.get("/actuator/health").expect(200).json().get("status").asString()).isEqualTo("UP");
        assertThat(ordo.get("status").asString()).isEqualTo("UP");
        assertThat(ordo.get("details").get("store").asString()).isEqualTo(database.dialectName());
        assertThat(ordo.get("details").get("subscriptions").propertyNames()).contains("orders", "products");
    }

    @Test
    void exposesCommandStoreSubscriptionHttpAndOrderMetricsToPrometheus() {
        JsonNode order = placed(newId(), item(available(0), 1));
        ship(order.get("orderId").asString()).expect(422);
        awaitOrder(order.get("orderId").asString(), 1);

        String metrics = await().atMost(PATIENCE).until(() -> api.get("/actuator/prometheus").expect(200).body(),
                text -> sample(text, "marketplace_orders", "status=\"PENDING\"") >= 1);

        assertThat(sample(metrics, "ordo_commands_seconds_count", "command=\"PlaceOrder\"", "outcome=\"success\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "ordo_commands_seconds_count", "command=\"ShipOrder\"", "outcome=\"rejected\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(metrics, "ordo_events_appended_total", "store=\"" + database.dialectName() + "\""))
                .isGreaterThanOrEqualTo(13);
        assertThat(sample(metrics, "ordo_subscription_lag_events", "subscription=\"orders\"")).isNotNegative();
        assertThat(sample(metrics, "http_server_requests_seconds_bucket", "uri=\"/orders\"", "method=\"POST\"",
                "le=\"+Inf\"")).isGreaterThanOrEqualTo(1);
        for (String status : List.of("PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED")) {
            assertThat(sample(metrics, "marketplace_orders", "status=\"" + status + "\"")).isNotNegative();
        }
    }

    @Test
    void describesTheOrderEndpointsInOpenApiAndServesSwaggerUi() {
        JsonNode paths = api.get("/v3/api-docs").expect(200).json().get("paths");
        assertThat(paths.propertyNames()).contains("/orders", "/orders/{orderId}", "/orders/{orderId}/events",
                "/orders/{orderId}/items", "/orders/{orderId}/items/{productId}", "/orders/{orderId}/shipping-address",
                "/orders/{orderId}/payment", "/orders/{orderId}/shipment", "/orders/{orderId}/delivery",
                "/orders/{orderId}/cancellation", "/analytics", "/catalog/products");

        Api.Response ui = api.get("/swagger-ui");
        assertThat(ui.status()).isIn(200, 302);
        if (ui.status() == 302) {
            String location = ui.header("Location");
            assertThat(location).contains("/swagger-ui");
            assertThat(api.get(URI.create(location).getPath()).status()).isEqualTo(200);
        }
    }

    private boolean caughtUp(JsonNode ordo) {
        JsonNode details = ordo.get("details");
        if (details.get("head").asLong() != store.headPosition()) {
            return false;
        }
        for (String name : List.of("orders", "products")) {
            JsonNode subscription = details.get("subscriptions").get(name);
            if (subscription == null || subscription.get("lagEvents").asLong() != 0
                    || !subscription.get("state").asString().equals("LIVE")) {
                return false;
            }
        }
        return true;
    }

    private JsonNode list(String query) {
        return api.get("/orders?" + query).expect(200).json();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(o -> o.get("orderId").asString()).toList();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
