package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The live feeds over HTTP, read as a browser reads server-sent events: each customer's orders and notifications as
 * they happen, everything for the operator, and a reconnect with the last event id that delivers exactly what was
 * missed. Orders run through their fulfilment (the fake payment provider declines 1,000 EUR and more).
 */
abstract class LiveUpdatesContract extends MarketplaceApiTests {

    static final String ALICE = SqliteAccessRulesIntegrationTests.ALICE;
    static final String BOB = SqliteAccessRulesIntegrationTests.BOB;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void live(DynamicPropertyRegistry registry) {
        registry.add("marketplace.fulfilment.enabled", () -> "true");
        registry.add("marketplace.payments.latency", () -> "5ms");
        registry.add("marketplace.payments.card-limit", () -> "1000");
        registry.add("marketplace.live.heartbeat", () -> "300ms");
    }

    @Test
    void aCustomersStreamShowsTheirOrdersFromPlacementToTheirFinalStatusAndNothingOfAnotherCustomers() {
        Api alice = api.as("alice");
        try (EventStream stream = open("/live/orders", "alice")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("X-Correlation-Id")).isNotBlank();
            awaitReady(stream);

            String bobs = api.as("bob").post("/orders", placement(BOB, item(available(0), 1))).expect(201).json()
                    .get("orderId").asString();
            String delivered = alice.post("/orders", placement(ALICE, item(available(1), 2))).expect(201).json()
                    .get("orderId").asString();
            Product mug = products.stream().filter(p -> p.name().startsWith("Stoneware Mug")).findFirst()
                    .orElseThrow();
            String declined = alice.post("/orders", placement(ALICE, item(mug, 60))).expect(201).json()
                    .get("orderId").asString();
            awaitOrderUpdate(stream, delivered, "SHIPPED");
            deliver(delivered).expect(200);

            awaitOrderUpdate(stream, delivered, "DELIVERED");
            JsonNode cancellation = awaitOrderUpdate(stream, declined, "CANCELLED");

            assertThat(statuses(stream, delivered)).containsExactly("PENDING", "PAID", "SHIPPED", "DELIVERED");
            assertThat(statuses(stream, declined)).containsExactly("PENDING", "CANCELLED");
            assertThat(cancellation.get("reason").asString()).startsWith("payment declined");
            assertThat(cancellation.get("type").asString()).isEqualTo("order.cancelled");
            assertThatItMatchesTheStore(updates(stream, delivered), events(delivered));
            assertThatItMatchesTheStore(updates(stream, declined), events(declined));
            assertThat(stream.events("order")).extracting(e -> e.json().get("customerId").asString())
                    .containsOnly(ALICE);
            assertThat(stream.events("order")).extracting(e -> e.json().get("orderId").asString())
                    .doesNotContain(bobs);
            assertThat(stream.events()).extracting(EventStream.Event::position).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void theOperatorsStreamGetsEveryCustomersOrders() {
        try (EventStream stream = open("/live/orders", "operator")) {
            awaitReady(stream);

            String alices = api.as("alice").post("/orders", placement(ALICE, item(available(2), 1))).expect(201)
                    .json().get("orderId").asString();
            String bobs = api.as("bob").post("/orders", placement(BOB, item(available(3), 1))).expect(201).json()
                    .get("orderId").asString();

            JsonNode hers = awaitOrderUpdate(stream, alices, "SHIPPED");
            JsonNode his = awaitOrderUpdate(stream, bobs, "SHIPPED");
            assertThat(hers.get("customerId").asString()).isEqualTo(ALICE);
            assertThat(his.get("customerId").asString()).isEqualTo(BOB);
        }
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsExactlyTheEventsItMissed() {
        Api alice = api.as("alice");
        String first;
        List<EventStream.Event> before;
        try (EventStream stream = open("/live/orders", "alice")) {
            awaitReady(stream);
            first = alice.post("/orders", placement(ALICE, item(available(4), 1))).expect(201).json()
                    .get("orderId").asString();
            awaitOrderUpdate(stream, first, "PENDING");
            before = stream.events();
        }
        long lastEventId = before.getLast().position();
        String second = alice.post("/orders", placement(ALICE, item(available(5), 1))).expect(201).json()
                .get("orderId").asString();
        awaitStatus(first, "SHIPPED");
        awaitStatus(second, "SHIPPED");

        try (EventStream header = open("/live/orders", "alice", "Last-Event-ID", Long.toString(lastEventId));
             EventStream parameter = open("/live/orders?lastEventId=" + lastEventId, "alice")) {
            for (EventStream resumed : List.of(header, parameter)) {
                assertThat(awaitReady(resumed).position()).isEqualTo(lastEventId);
                awaitOrderUpdate(resumed, first, "SHIPPED");
                awaitOrderUpdate(resumed, second, "SHIPPED");

                List<EventStream.Event> after = resumed.events("order");
                assertThat(after).extracting(EventStream.Event::position).allMatch(p -> p > lastEventId)
                        .isSorted().doesNotHaveDuplicates();
                List<EventStream.Event> firstsHistory = new ArrayList<>(updates(before, first));
                firstsHistory.addAll(updates(after, first));
                assertThatItMatchesTheStore(firstsHistory, events(first));
                assertThatItMatchesTheStore(updates(after, second), events(second));
            }
        }
    }

    @Test
    void aCustomersNotificationStreamDeliversTheirNotificationsLiveAndAfterAReconnectTheOnesSentWhileAway() {
        Api alice = api.as("alice");
        long lastEventId;
        String first;
        try (EventStream stream = open("/live/notifications", "alice")) {
            awaitReady(stream);
            api.as("bob").post("/orders", placement(BOB, item(available(6), 1))).expect(201);
            first = alice.post("/orders", placement(ALICE, item(available(7), 1))).expect(201).json()
                    .get("orderId").asString();

            JsonNode confirmation = awaitNotification(stream, first);

            assertThat(confirmation.get("customerId").asString()).isEqualTo(ALICE);
            assertThat(confirmation.get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
            assertThat(confirmation.get("message").asString()).contains(first);
            assertThat(confirmation.get("notificationId").asString()).isNotBlank();
            assertThat(confirmation.get("sentAt").asString()).endsWith("Z");
            lastEventId = stream.events().getLast().position();
            assertThat(confirmation.get("position").asLong()).isEqualTo(lastEventId);
        }
        String second = alice.post("/orders", placement(ALICE, item(available(8), 1))).expect(201).json()
                .get("orderId").asString();
        waiting().until(() -> api.get("/customers/" + ALICE + "/notifications").expect(200).json().valueStream()
                .anyMatch(n -> n.get("kind").asString().equals("ORDER_CONFIRMED")
                        && n.get("orderId").asString().equals(second)));

        try (EventStream resumed = open("/live/notifications", "alice", "Last-Event-ID",
                Long.toString(lastEventId))) {
            awaitNotification(resumed, second);

            assertThat(resumed.events("notification")).extracting(e -> e.json().get("orderId").asString())
                    .doesNotContain(first).contains(second);
            assertThat(resumed.events("notification")).extracting(e -> e.json().get("customerId").asString())
                    .containsOnly(ALICE);
        }
    }

    @Test
    void refusesAStreamWithoutATokenToAProducerAndWithAnIdThatIsNoPosition() {
        JsonNode unauthenticated = problem(api.anonymous().get("/live/orders", "Accept", "text/event-stream"), 401);
        assertThat(unauthenticated.get("type").asString()).endsWith("/unauthenticated");
        for (String path : List.of("/live/orders", "/live/notifications")) {
            JsonNode forbidden = problem(api.as("alpenhof").get(path, "Accept", "text/event-stream"), 403);
            assertThat(forbidden.get("type").asString()).endsWith("/forbidden");
        }
        problem(api.get("/live/orders?lastEventId=yesterday", "Accept", "text/event-stream"), 400);
        problem(api.get("/live/orders", "Accept", "text/event-stream", "Last-Event-ID", "-1"), 400);
    }

    @Test
    void anIdleStreamGetsAHeartbeatAndIsCountedWhileOpen() {
        try (EventStream stream = open("/live/notifications", "bob")) {
            awaitReady(stream);

            waiting().until(stream::comments, comments -> comments.contains(" keep-alive"));

            assertThat(sample(metrics(), "marketplace_live_connections", "feed=\"notifications\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(sample(metrics(), "marketplace_live_dropped_total", "feed=\"notifications\"")).isZero();
        }
    }

    @Test
    void theStreamsAreOperationsOfTheApiDocument() {
        JsonNode docs = api.get("/v3/api-docs").expect(200).json();

        for (String path : List.of("/live/orders", "/live/notifications")) {
            JsonNode operation = docs.get("paths").get(path).get("get");
            assertThat(operation.get("operationId").asString()).startsWith("live");
            assertThat(operation.get("tags").valueStream().map(JsonNode::asString)).containsExactly("live");
            assertThat(operation.get("responses").get("200").get("content").has("text/event-stream")).isTrue();
            assertThat(operation.get("parameters").valueStream().map(p -> p.get("name").asString()))
                    .containsExactlyInAnyOrder("Last-Event-ID", "lastEventId");
        }
    }

    private EventStream open(String path, String user, String... headers) {
        return EventStream.open(port, path, api.as(user).token(), headers);
    }

    private String metrics() {
        return api.get("/actuator/prometheus").expect(200).body();
    }

    private static ConditionFactory waiting() {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20));
    }

    /** The stream's ready message, once it came: its id is the position the stream starts after. */
    private static EventStream.Event awaitReady(EventStream stream) {
        EventStream.Event ready = waiting().until(() -> stream.events("ready"), readies -> !readies.isEmpty())
                .getFirst();
        assertThat(stream.events().getFirst()).isEqualTo(ready);
        assertThat(ready.json().get("position").asLong()).isEqualTo(ready.position());
        return ready;
    }

    /** The data of the order's first message with this status, once it came. */
    private static JsonNode awaitOrderUpdate(EventStream stream, String orderId, String status) {
        return waiting().until(() -> first(stream.events("order"), orderId, "orderId",
                        data -> data.get("status").asString().equals(status)), found -> found != null)
                .json();
    }

    private static JsonNode awaitNotification(EventStream stream, String orderId) {
        return waiting().until(() -> first(stream.events("notification"), orderId, "orderId", data -> true),
                found -> found != null).json();
    }

    private void awaitStatus(String orderId, String status) {
        waiting().until(() -> api.get("/orders/" + orderId), r -> r.status() == 200
                && r.json().get("status").asString().equals(status));
    }

    private static EventStream.Event first(List<EventStream.Event> events, String id, String field,
                                           Predicate<JsonNode> matching) {
        return events.stream().filter(e -> e.json().get(field).asString().equals(id) && matching.test(e.json()))
                .findFirst().orElse(null);
    }

    private static List<String> statuses(EventStream stream, String orderId) {
        return updates(stream, orderId).stream().map(e -> e.json().get("status").asString()).distinct().toList();
    }

    private static List<EventStream.Event> updates(EventStream stream, String orderId) {
        return updates(stream.events("order"), orderId);
    }

    private static List<EventStream.Event> updates(List<EventStream.Event> events, String orderId) {
        return events.stream().filter(e -> "order".equals(e.name()))
                .filter(e -> e.json().get("orderId").asString().equals(orderId)).toList();
    }

    /** The messages are the order's stored events, each once, in order: same positions, versions and types. */
    private static void assertThatItMatchesTheStore(List<EventStream.Event> updates, List<JsonNode> stored) {
        List<Map<String, Object>> streamed = updates.stream().sorted(Comparator.comparing(EventStream.Event::position))
                .map(e -> Map.<String, Object>of("position", e.position(), "data", e.json().get("position").asLong(),
                        "version", e.json().get("version").asLong(), "type", e.json().get("type").asString()))
                .toList();
        List<Map<String, Object>> expected = stored.stream()
                .map(e -> Map.<String, Object>of("position", e.get("position").asLong(),
                        "data", e.get("position").asLong(), "version", e.get("version").asLong(),
                        "type", e.get("type").asString()))
                .toList();
        assertThat(streamed).isEqualTo(expected);
    }
}
