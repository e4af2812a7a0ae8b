package dev.ordo.marketplace.payments.http;

import dev.ordo.marketplace.payments.Authorization;
import dev.ordo.marketplace.payments.Capture;
import dev.ordo.marketplace.payments.PaymentProvider;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.Refund;
import dev.ordo.marketplace.shared.Money;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link PaymentProvider} in another process, over HTTP/1.1 with JSON (the protocol is in
 * {@code docs/adr/0019-crash-harness-and-http-payment-provider.md}): {@code POST {url}payments/{paymentId}/authorize},
 * {@code .../capture} and {@code .../refund}, each with the payment id as its {@code Idempotency-Key}, so the
 * provider moves money once per payment id however often a call is repeated.
 *
 * <p>What the marketplace cannot know reaches the caller as {@link PaymentProviderUnavailableException}, whose outcome
 * is unknown and which is safe to retry with the same payment id: no connection, no answer within
 * {@link HttpPaymentSettings#requestTimeout()}, a connection broken off, an interrupted wait, a 5xx, 408 or 429 answer,
 * or a 2xx answer that cannot be read. A 409 answer (the payment's state does not allow the call, such as capturing
 * what was never authorized) and any other 4xx are the provider's final word: {@link IllegalStateException}.
 *
 * <p>Thread-safe; {@link #close()} releases the HTTP client.
 */
public final class HttpPaymentProvider implements PaymentProvider, AutoCloseable {

    /** The header that names the payment to the provider's idempotency layer. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int EXCERPT = 300;

    private final HttpPaymentSettings settings;
    private final HttpClient http;

    public HttpPaymentProvider(HttpPaymentSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Authorization authorize(String paymentId, Money amount, String method) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("amount", amount.amount().toPlainString());
        body.put("currency", amount.currency().getCurrencyCode());
        body.put("method", method);
        JsonNode answer = post(paymentId, "authorize", body);
        return switch (text(answer, "outcome", paymentId, "authorize")) {
            case "APPROVED" -> new Authorization.Approved(paymentId, text(answer, "reference", paymentId, "authorize"),
                    money(answer, paymentId, "authorize"));
            case "DECLINED" -> new Authorization.Declined(paymentId, text(answer, "reason", paymentId, "authorize"));
            default -> throw unreadable("authorize", paymentId, "unknown outcome " + answer.get("outcome"));
        };
    }

    @Override
    public Capture capture(String paymentId) {
        JsonNode answer = post(paymentId, "capture", Map.of());
        return new Capture(paymentId, text(answer, "reference", paymentId, "capture"),
                money(answer, paymentId, "capture"));
    }

    @Override
    public Refund refund(String paymentId) {
        JsonNode answer = post(paymentId, "refund", Map.of());
        return switch (text(answer, "outcome", paymentId, "refund")) {
            case "REFUNDED" -> new Refund.Refunded(paymentId, money(answer, paymentId, "refund"));
            case "NOTHING_TO_REFUND" -> new Refund.NothingToRefund(paymentId);
            default -> throw unreadable("refund", paymentId, "unknown outcome " + answer.get("outcome"));
        };
    }

    /** The provider's base URL. */
    public URI url() {
        return settings.url();
    }

    @Override
    public void close() {
        http.close();
    }

    private JsonNode post(String paymentId, String operation, Map<String, String> body) {
        HttpRequest request = HttpRequest.newBuilder(operationUri(paymentId, operation))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(IDEMPOTENCY_KEY, paymentId)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = send(request, operation, paymentId);
        int status = response.statusCode();
        if (status >= 500 || status == 408 || status == 429) {
            throw new PaymentProviderUnavailableException("the payment provider answered " + status + " to " + operation
                    + " " + paymentId + " (outcome unknown): " + excerpt(response.body()));
        }
        if (status == 409) {
            throw new IllegalStateException("the payment provider refused " + operation + " " + paymentId
                    + " in the payment's state: " + excerpt(response.body()));
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("the payment provider refused " + operation + " " + paymentId + " with "
                    + status + ": " + excerpt(response.body()));
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw unreadable(operation, paymentId, "not a JSON object: " + excerpt(response.body()));
            }
            return answer;
        } catch (JacksonException e) {
            throw new PaymentProviderUnavailableException("the payment provider's answer to " + operation + " "
                    + paymentId + " is not JSON (outcome unknown): " + excerpt(response.body()), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String operation, String paymentId) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new PaymentProviderUnavailableException(operation + " " + paymentId + " got no answer from the "
                    + "payment provider within " + settings.requestTimeout() + " (outcome unknown)", e);
        } catch (ConnectException e) {
            throw new PaymentProviderUnavailableException("cannot connect to the payment provider at "
                    + settings.url() + " for " + operation + " " + paymentId + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PaymentProviderUnavailableException("the exchange with the payment provider broke off during "
                    + operation + " " + paymentId + " (outcome unknown): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderUnavailableException(operation + " " + paymentId + " was abandoned while it "
                    + "waited for the payment provider (outcome unknown)", e);
        }
    }

    private URI operationUri(String paymentId, String operation) {
        String segment = URLEncoder.encode(paymentId, StandardCharsets.UTF_8).replace("+", "%20");
        return settings.url().resolve("payments/" + segment + "/" + operation);
    }

    private static String text(JsonNode answer, String field, String paymentId, String operation) {
        JsonNode value = answer.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw unreadable(operation, paymentId, "no '" + field + "' in " + excerpt(answer.toString()));
        }
        return value.asString();
    }

    private static Money money(JsonNode answer, String paymentId, String operation) {
        String amount = text(answer, "amount", paymentId, operation);
        String currency = text(answer, "currency", paymentId, operation);
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new PaymentProviderUnavailableException("the payment provider's answer to " + operation + " "
                    + paymentId + " has an unreadable amount (outcome unknown): " + e.getMessage(), e);
        }
    }

    private static PaymentProviderUnavailableException unreadable(String operation, String paymentId, String why) {
        return new PaymentProviderUnavailableException("the payment provider's answer to " + operation + " "
                + paymentId + " cannot be read (outcome unknown): " + why);
    }

    private static String excerpt(String body) {
        if (body == null || body.isEmpty()) {
            return "(no body)";
        }
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "...";
    }
}
