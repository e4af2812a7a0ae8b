package dev.ordo.marketplace.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.marketplace.inventory.app.DemoStock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's API as the development issuer's demo users, for browser tests that change something behind an
 * open page (an order placed by a customer while the operator watches) or wait for the app to get somewhere. Each
 * call expects a 2xx answer. Thread-safe.
 */
final class DemoApi {

    /** Alice's customer id in the development issuer's configuration. */
    static final String ALICE = "6f1c3e7a-2b1d-4c5e-9f00-000000000001";
    /** Alpenhof Dairy, the demo producer {@code alpenhof}. */
    static final String ALPENHOF = "c25eae35-605a-3bb2-ad2f-9f193152b667";
    /** How long the app may take to get where a test waits for it. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    DemoApi(String base) {
        this.base = base;
    }

    JsonNode get(String user, String path) {
        return send(user, "GET", path, null);
    }

    JsonNode post(String user, String path, Object body) {
        return send(user, "POST", path, body);
    }

    /** The demo catalog's products on sale, except the scarce one, optionally of one producer only. */
    List<JsonNode> plentiful(String producerId) {
        String scarce = DemoStock.scarceProduct().toString();
        return get(null, "/catalog/products").valueStream().filter(p -> p.get("available").asBoolean())
                .filter(p -> !p.get("productId").asString().equals(scarce))
                .filter(p -> producerId == null || p.get("producerId").asString().equals(producerId)).toList();
    }

    /** Alice places an order of one product; returns its id. */
    String placeAsAlice(String productId, int quantity) {
        return post("alice", "/orders", Map.of("customerId", ALICE,
                "items", List.of(Map.of("productId", productId, "quantity", quantity)),
                "shippingAddress", Map.of("street", "1 Rue de la République", "city", "Lyon", "postalCode", "69001",
                        "country", "FR"))).get("orderId").asString();
    }

    /** Waits until the order (as the operator reads it) is in that status. */
    void awaitOrder(String orderId, String status) {
        awaitUntil("/orders/" + orderId, order -> order.get("status").asString().equals(status));
    }

    /** Waits until what the operator reads at the path matches, and returns it. */
    JsonNode awaitUntil(String path, Predicate<JsonNode> done) {
        HttpResponse<String> answer = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> exchange(request("operator", "GET", path, null)),
                        r -> r.statusCode() == 200 && done.test(JSON.readTree(r.body())));
        return JSON.readTree(answer.body());
    }

    private JsonNode send(String user, String method, String path, Object body) {
        HttpResponse<String> response = exchange(request(user, method, path, body));
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, user, response.body())
                .isBetween(200, 299);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpRequest request(String user, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request.build();
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, name -> {
            String basic = Base64.getEncoder().encodeToString((name + ":" + name + "-secret")
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            assertThat(answer.statusCode()).as("a token for %s", name).isEqualTo(200);
            return JSON.readTree(answer.body()).get("access_token").asString();
        });
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
