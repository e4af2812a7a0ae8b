package dev.ordo.marketplace.crash;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's HTTP API as a patient customer uses it: {@link #send} repeats a request, unchanged and with its
 * Idempotency-Key, after every attempt whose outcome is unknown (exponential backoff from 100 ms to 2 s with jitter,
 * through a Resilience4j {@link Retry}) until a definitive answer comes or {@code answerWithin} has passed; the
 * application may be dead and restarting meanwhile. {@link #read} is for reads once the run is over. Every request
 * carries the bearer token of the development issuer's {@code operator}, fetched from the application once (its
 * signing key outlives a restart); while no token could be had, an attempt's outcome is unknown. Thread-safe.
 */
final class MarketplaceClient implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final IntervalFunction BACKOFF = IntervalFunction.ofExponentialRandomBackoff(
            Duration.ofMillis(100), 1.5, 0.5, Duration.ofSeconds(2));

    private final URI base;
    private final Duration answerWithin;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private volatile String token;

    MarketplaceClient(URI base, Duration answerWithin) {
        this.base = base;
        this.answerWithin = answerWithin;
    }

    /**
     * Sends the exchange's request until it is answered (or {@code answerWithin} passed), recording every attempt.
     *
     * @return the exchange, with its attempts
     */
    Exchange send(Exchange exchange) {
        long deadline = System.nanoTime() + answerWithin.toNanos();
        RetryConfig config = RetryConfig.<Exchange.Attempt>custom()
                .maxAttempts(Integer.MAX_VALUE)
                .intervalFunction(BACKOFF)
                .retryOnResult(attempt -> attempt.unknown() && System.nanoTime() - deadline < 0)
                .failAfterMaxAttempts(false)
                .build();
        Retry.of(exchange.key(), config).executeSupplier(() -> exchange.record(attempt(exchange.method(),
                exchange.path(), exchange.body(), exchange.key())));
        return exchange;
    }

    /**
     * A read, tried up to ten times while its outcome is unknown (the application is at rest, but a read may still
     * meet a restart or a busy store).
     *
     * @return the body of a 200 answer; empty on 404
     * @throws IllegalStateException on any other answer
     */
    Optional<JsonNode> read(String path) {
        RetryConfig config = RetryConfig.<Exchange.Attempt>custom()
                .maxAttempts(10)
                .intervalFunction(BACKOFF)
                .retryOnResult(Exchange.Attempt::unknown)
                .failAfterMaxAttempts(false)
                .build();
        Exchange.Attempt answer = Retry.of("read", config).executeSupplier(() -> attempt("GET", path, null, null));
        return switch (answer.status()) {
            case 200 -> Optional.of(answer.json());
            case 404 -> Optional.empty();
            default -> throw new IllegalStateException("GET " + path + " answered " + answer.summary() + ": "
                    + answer.body());
        };
    }

    /** One try of a request; a failure to get any answer is an attempt with status -1. */
    Exchange.Attempt attempt(String method, String path, String body, String key) {
        long started = System.nanoTime();
        String bearer = token();
        if (bearer == null) {
            return failed(started, "no token: the issuer did not answer");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(ATTEMPT_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + bearer);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return new Exchange.Attempt(started, System.nanoTime(), response.statusCode(), contentType,
                    problemType(contentType, response.body()), null, response.body());
        } catch (HttpTimeoutException e) {
            return failed(started, "no answer within " + ATTEMPT_TIMEOUT.toSeconds() + "s");
        } catch (ConnectException e) {
            return failed(started, "refused");
        } catch (IOException e) {
            return failed(started, "broken off");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    /** The operator's token, fetched once; {@code null} while the application does not hand one out. */
    private String token() {
        String current = token;
        if (current != null) {
            return current;
        }
        String credentials = Base64.getEncoder().encodeToString("operator:operator-secret".getBytes(UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/oauth2/token")).timeout(ATTEMPT_TIMEOUT)
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                current = JSON.readTree(response.body()).get("access_token").asString();
                token = current;
            }
            return current;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while getting a token", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private static Exchange.Attempt failed(long started, String why) {
        return new Exchange.Attempt(started, System.nanoTime(), -1, null, null, why, null);
    }

    private static String problemType(String contentType, String body) {
        if (contentType == null || !contentType.startsWith("application/problem+json") || body == null) {
            return null;
        }
        try {
            JsonNode type = JSON.readTree(body).get("type");
            return type == null ? "about:blank" : type.asString();
        } catch (RuntimeException e) {
            return "unreadable";
        }
    }
}
