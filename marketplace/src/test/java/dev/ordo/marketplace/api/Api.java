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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's HTTP API as a client sees it, over the JDK's HTTP client: bodies go out as JSON (a
 * {@code String} is sent as it is, so malformed JSON can be sent too), responses come back with status, headers and
 * body. Decimals are read as exact {@link java.math.BigDecimal}s. Redirects are not followed. Thread-safe.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http;
    private final URI base;

    Api(int port) {
        this.base = URI.create("http://localhost:" + port);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
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
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
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
