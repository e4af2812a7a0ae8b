package dev.ordo.marketplace.payments.app;

import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import dev.ordo.marketplace.payments.http.HttpPaymentSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketplace.payments.*}: which provider takes the payments ({@code provider}: {@code fake}, the default, in
 * the marketplace's memory; or {@code http}, a provider in another process at {@code http.url}), how the fake behaves
 * ({@code latency}, {@code decline-rate}, {@code timeout-rate}, {@code outage}, {@code card-limit}), how long the HTTP provider is waited
 * for ({@code http.connect-timeout}, {@code http.request-timeout}), and how calls to either are protected
 * ({@code resilience.*}).
 */
@ConfigurationProperties("marketplace.payments")
public record PaymentsProperties(@DefaultValue("fake") Provider provider, @DefaultValue("20ms") Duration latency,
                                 @DefaultValue("0") double declineRate, @DefaultValue("0") double timeoutRate,
                                 @DefaultValue("false") boolean outage, BigDecimal cardLimit,
                                 @DefaultValue Http http, @DefaultValue Resilience resilience) {

    /** Where payments go. */
    public enum Provider {
        /** {@link dev.ordo.marketplace.payments.fake.FakePaymentProvider}, in this process: its ledger dies with it. */
        FAKE,
        /** {@link dev.ordo.marketplace.payments.http.HttpPaymentProvider}, at {@code marketplace.payments.http.url}. */
        HTTP
    }

    /** See {@link HttpPaymentSettings}; {@code url} is required with {@code provider=http}. */
    public record Http(URI url, @DefaultValue("1s") Duration connectTimeout,
                       @DefaultValue("1500ms") Duration requestTimeout) {
    }

    /** See {@link PaymentResilience} for what each value means. */
    public record Resilience(@DefaultValue("2s") Duration callTimeout, @DefaultValue("3") int maxAttempts,
                             @DefaultValue("100ms") Duration initialBackoff, @DefaultValue("2s") Duration maxBackoff,
                             @DefaultValue("50") float failureRateThreshold,
                             @DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumCalls,
                             @DefaultValue("10s") Duration waitInOpenState, @DefaultValue("2") int halfOpenCalls) {
    }

    public FakePaymentSettings fake() {
        return new FakePaymentSettings(latency, declineRate, timeoutRate, outage, cardLimit);
    }

    /**
     * @throws IllegalArgumentException when {@code http.url} is missing or not an http(s) URL
     */
    public HttpPaymentSettings httpProvider() {
        if (http.url() == null) {
            throw new IllegalArgumentException("marketplace.payments.http.url is required with "
                    + "marketplace.payments.provider=http");
        }
        return new HttpPaymentSettings(http.url(), http.connectTimeout(), http.requestTimeout());
    }

    public PaymentResilience protection() {
        return new PaymentResilience(resilience.callTimeout(), resilience.maxAttempts(), resilience.initialBackoff(),
                resilience.maxBackoff(), resilience.failureRateThreshold(), resilience.slidingWindowSize(),
                resilience.minimumCalls(), resilience.waitInOpenState(), resilience.halfOpenCalls());
    }
}
