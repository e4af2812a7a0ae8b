package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Retries with an Idempotency-Key write once and answer the first response again; stale If-Match versions lose;
 * concurrent commands on one order neither lose updates nor slip past a version check.
 */
abstract class IdempotencyAndConcurrencyContract extends MarketplaceApiTests {

    private static final int PARALLEL = 32;

    @Test
    void answersARetriedPlacementWithTheFirstResponseAndPlacesOneOrder() {
        String key = "place-" + newId();
        Object body = placement(newId(), item(available(0), 2));

        Api.Response first = api.post("/orders", body, "Idempotency-Key", key);
        Api.Response retry = api.post("/orders", body, "Idempotency-Key", key);

        first.expect(201);
        retry.expect(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(etag(1));
        assertThat(events(first.json().get("orderId").asString())).hasSize(1);
    }

    @Test
    void answersARetriedPaymentWithTheFirstResponseAndPaysOnce() {
        JsonNode order = placed(newId(), item(available(1), 3));
        String id = order.get("orderId").asString();
        String key = "pay-" + newId();

        Api.Response first = payInFull(order, "Idempotency-Key", key);
        Api.Response retry = payInFull(order, "Idempotency-Key", key);

        first.expect(200);
        retry.expect(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("ETag")).isEqualTo(etag(2));
        assertThat(events(id)).extracting(e -> e.get("type").asString()).containsExactly("order.placed", "order.paid");
        assertThat(events(id).getLast().get("metadata").get("idempotency-key").asString()).isEqualTo(key);
    }

    @Test
    void appendsNothingWhenAnAddedItemIsRetried() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        String key = "add-" + newId();

        Api.Response first = addItem(id, item(available(1), 4), "Idempotency-Key", key).expect(200);
        for (int retry = 0; retry < 3; retry++) {
            Api.Response again = addItem(id, item(available(1), 4), "Idempotency-Key", key).expect(200);
            assertThat(again.json()).isEqualTo(first.json());
        }

        assertThat(events(id)).hasSize(2);
        JsonNode order = awaitOrder(id, 2).json();
        assertThat(order.get("version").asLong()).isEqualTo(2);
        assertThat(order.get("lines").get(1).get("quantity").asInt()).isEqualTo(4);
    }

    @Test
    void refusesAKeyReusedForADifferentRequest() {
        String key = "reused-" + newId();
        String customer = newId();
        Api.Response first = api.post("/orders", placement(customer, item(available(0), 1)), "Idempotency-Key", key)
                .expect(201);
        String id = first.json().get("orderId").asString();

        JsonNode problem = ruleViolation(api.post("/orders", placement(customer, item(available(0), 2)),
                "Idempotency-Key", key), "idempotency-key-reused", null);
        assertThat(problem.get("type").asString()).endsWith("/idempotency-key-reused");
        ruleViolation(cancel(id, "other request, same key", "Idempotency-Key", key), "idempotency-key-reused", null);

        assertThat(events(id)).hasSize(1);
        assertThat(api.get("/orders?customerId=" + customer).expect(200).json().get("totalItems").asLong())
                .isEqualTo(1);
    }

    @Test
    void letsOnlyTheFirstOfTwoClientsWriteOnTheVersionBothRead() {
        JsonNode placedOrder = placed(newId(), item(available(2), 1));
        String id = placedOrder.get("orderId").asString();
        Api.Response seenByFirst = awaitOrder(id, 1);
        Api.Response seenBySecond = api.get("/orders/" + id).expect(200);
        String version = seenBySecond.header("ETag");
        assertThat(seenByFirst.header("ETag")).isEqualTo(version).isEqualTo(etag(1));

        payInFull(seenByFirst.json(), "If-Match", version).expect(200);
        Api.Response staleShipment = ship(id, "If-Match", version);
        Api.Response stalePayment = payInFull(seenBySecond.json(), "If-Match", version);

        for (Api.Response stale : List.of(staleShipment, stalePayment)) {
            JsonNode problem = problem(stale, 409);
            assertThat(problem.get("currentVersion").asLong()).isEqualTo(2);
            assertThat(stale.header("ETag")).isEqualTo(etag(2));
        }
        assertThat(events(id)).extracting(e -> e.get("type").asString()).containsExactly("order.placed", "order.paid");
    }

    @Test
    void serializesConcurrentAdditionsToOneOrderWithoutLosingAny() throws Exception {
        Product extra = available(1);
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();

        List<Api.Response> responses = concurrently(i -> addItem(id, item(extra, i % 3 + 1)));

        assertThat(responses).extracting(Api.Response::status).containsOnly(200);
        int sum = 0;
        for (int i = 0; i < PARALLEL; i++) {
            sum += i % 3 + 1;
        }
        assertThat(responses).extracting(r -> r.json().get("version").asLong()).doesNotHaveDuplicates();
        JsonNode order = awaitOrder(id, 1 + PARALLEL).json();
        assertThat(order.get("version").asLong()).isEqualTo(1 + PARALLEL);
        assertThat(order.get("lines").get(1).get("productId").asString()).isEqualTo(extra.id());
        assertThat(order.get("lines").get(1).get("quantity").asInt()).isEqualTo(sum);
        assertThat(amount(order.get("total"))).isEqualByComparingTo(total(item(available(0), 1), item(extra, sum)));
        assertThat(events(id)).hasSize(1 + PARALLEL);
    }

    @Test
    void acceptsExactlyOneOfManyConcurrentWritesOnTheSameVersion() throws Exception {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();

        List<Api.Response> responses = concurrently(i -> addItem(id, item(available(1), 1), "If-Match", etag(1)));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(PARALLEL - 1)
                .allSatisfy(r -> assertThat(problem(r, 409).get("currentVersion").asLong()).isEqualTo(2));
        assertThat(events(id)).hasSize(2);
        assertThat(awaitOrder(id, 2).json().get("version").asLong()).isEqualTo(2);
    }

    /** Sends {@value #PARALLEL} requests at once (all released together) and returns their responses. */
    private static List<Api.Response> concurrently(IntFunction<Api.Response> request) throws Exception {
        CountDownLatch ready = new CountDownLatch(PARALLEL);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(n);
                }));
            }
            ready.await();
            go.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
