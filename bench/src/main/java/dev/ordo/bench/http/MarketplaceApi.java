package dev.ordo.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's HTTP API as the driver speaks it: JSON in and out over one JDK {@link HttpClient} (HTTP/1.1,
 * keep-alive; the client pools connections, so each concurrently blocked caller holds one). Decimals are read as
 * exact {@link java.math.BigDecimal}s, so a total read from a response can be paid back to the cent. Requests carry
 * the bearer token of the development issuer's {@code operator}, fetched once from the same address.
 * Thread-safe: share one instance between all clients.
 */
final class MarketplaceApi implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** An answer: its status and, when 2xx, its JSON body; otherwise the body as text, for the error report. */
    record Response(int status, JsonNode json, String text) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** {@code "POST /orders -> 409: {...}"}, shortened, to name a failed request. */
        String describe(String request) {
            String body = text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
            return request + " -> " + status + ": " + body;
        }
    }

    private final URI base;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;
    private volatile String token;

    MarketplaceApi(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** {@link #get}, or empty when the request could not be sent, which is recorded as an error in {@code stats}. */
    Optional<Response> getOrRecord(String path, ClientStats stats) throws InterruptedException {
        try {
            return Optional.of(get(path));
        } catch (IOException e) {
            stats.error("GET /" + path + " -> " + e);
            return Optional.empty();
        }
    }

    Response post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
    }

    /** Whether {@code GET /actuator/health} answers 200 with status {@code UP}; false while it cannot connect. */
    boolean isUp() throws InterruptedException {
        try {
            Response health = get("actuator/health");
            return health.ok() && "UP".equals(health.json().path("status").asString(""));
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** The ids of the products on sale, from {@code GET /catalog/products?available=true}. */
    List<String> availableProducts() throws IOException, InterruptedException {
        Response products = get("catalog/products?available=true");
        if (!products.ok()) {
            throw new IllegalStateException(products.describe("GET /catalog/products?available=true"));
        }
        List<String> ids = new ArrayList<>();
        products.json().forEach(product -> ids.add(product.path("productId").asString()));
        return ids;
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token());
    }

    /** Fetched once, by the first caller; the others wait for it (the issuer's secret check is deliberately slow). */
    private synchronized String token() throws IOException, InterruptedException {
        String current = token;
        if (current == null) {
            String credentials = Base64.getEncoder().encodeToString(
                    "operator:operator-secret".getBytes(StandardCharsets.UTF_8));
            Response answer = send(HttpRequest.newBuilder(base.resolve("oauth2/token")).timeout(TIMEOUT)
                    .header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
            if (!answer.ok()) {
                throw new IOException(answer.describe("POST /oauth2/token"));
            }
            current = answer.json().path("access_token").asString();
            token = current;
        }
        return current;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        return status / 100 == 2
                ? new Response(status, JSON.readTree(response.body()), null)
                : new Response(status, null, new String(response.body(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        client.close();
        executor.close();
    }
}
