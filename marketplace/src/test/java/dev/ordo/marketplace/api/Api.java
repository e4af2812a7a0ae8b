package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's HTTP API as a client sees it, over the JDK's HTTP client: bodies go out as JSON (a
 * {@code String} is sent as it is, so malformed JSON can be sent too), responses come back with status, headers and
 * body. Decimals are read as exact {@link java.math.BigDecimal}s. Redirects are not followed. Thread-safe.
 *
 * <p>Requests carry a bearer token of one of the development issuer's demo users ({@code operator} unless
 * {@link #as(String)} names another; its secret is {@code <user>-secret}), fetched from the same server once, or none
 * ({@link #anonymous()}). A request that sends its own {@code Authorization} header keeps it.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http;
    private final URI base;
    private final String user;
    private volatile String token;

    Api(int port) {
        this(URI.create("http://localhost:" + port), HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), "operator");
    }

    private Api(URI base, HttpClient http, String user) {
        this.base = base;
        this.http = http;
        this.user = user;
    }

    /** The same API as another demo user of the development issuer ({@code alice}, {@code bob}, ...). */
    Api as(String otherUser) {
        return new Api(base, http, otherUser);
    }

    /** The same API without a token. */
    Api anonymous() {
        return new Api(base, http, null);
    }

    /** A fresh token of this client's user from the development issuer. */
    String token() {
        String current = token;
        if (current == null) {
            String credentials = Base64.getEncoder().encodeToString(
                    (user + ":" + user + "-secret").getBytes(StandardCharsets.UTF_8));
            Response answer = sendBytes("POST", "/oauth2/token",
                    "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", "Authorization", "Basic " + credentials);
            current = answer.expect(200).json().get("access_token").asString();
            token = current;
        }
        return current;
    }

    /** A response: status, headers and the body as text. */
    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The first value of a header, {@code null} when absent. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Asserts the status (showing the body when it differs) and returns this response. */
        Response expect(int expected) {
            assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
            return this;
        }
    }

    /** @param headers names and values, alternating */
    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * @throws UncheckedIOException when the server cannot be reached or the exchange breaks off
     */
    Response send(String method, String path, Object body, String... headers) {
        if (body == null) {
            return sendBytes(method, path, null, null, headers);
        }
        String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return sendBytes(method, path, text.getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    /**
     * Sends any bytes as the body (malformed UTF-8 too) with any content type ({@code null}: none).
     *
     * @throws UncheckedIOException when the server cannot be reached or the exchange breaks off
     */
    Response sendBytes(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        boolean authorized = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorized |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!authorized && user != null) {
            request.header("Authorization", "Bearer " + token());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
