package dev.ordo.marketplace.payments.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the payment provider listens and how long the marketplace waits for it. Immutable.
 *
 * @param url            the provider's base URL, such as {@code http://psp.internal:8443/}; the operations are paths
 *                       below it
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest wait for an answer once the request is sent; keep it below the Resilience4j call
 *                       time-out ({@code marketplace.payments.resilience.call-timeout}) so that a slow provider is
 *                       reported as such rather than as an abandoned call
 * @throws IllegalArgumentException when the URL is not absolute http(s) or a duration is not positive
 */
public record HttpPaymentSettings(URI url, Duration connectTimeout, Duration requestTimeout) {

    public HttpPaymentSettings {
        Objects.requireNonNull(url, "the payment provider's url is required (marketplace.payments.http.url)");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("the payment provider's url must be an absolute http(s) URL, was "
                    + url);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (!url.getPath().endsWith("/")) {
            url = URI.create(url + "/");
        }
    }

    /** 1 s to connect, 1.5 s to answer. */
    public static HttpPaymentSettings of(URI url) {
        return new HttpPaymentSettings(url, Duration.ofSeconds(1), Duration.ofMillis(1_500));
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
