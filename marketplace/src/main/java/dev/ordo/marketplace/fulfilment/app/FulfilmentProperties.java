package dev.ordo.marketplace.fulfilment.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketplace.fulfilment.*}.
 *
 * @param enabled       whether placed orders are fulfilled automatically (and unfinished sagas resumed on start); with
 *                      {@code false} orders are taken through their lifecycle by hand
 * @param stepTimeout   the longest one attempt of a step may take
 * @param shutdownGrace how long running steps may finish on shutdown before they are interrupted; an interrupted
 *                      step records nothing and is resumed as the same attempt, with the same invocation id, after
 *                      the next start
 * @param payment       how often taking a payment (and refunding it) is attempted while the provider is unavailable
 *                      (its circuit breaker open) before the order is cancelled (the refund parked)
 * @param maxConcurrentDrives how many fulfilments are driven at once; the others wait their turn, untouched
 */
@ConfigurationProperties("marketplace.fulfilment")
public record FulfilmentProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration stepTimeout,
                                   @DefaultValue("5s") Duration shutdownGrace, @DefaultValue Payment payment,
                                   @DefaultValue("256") int maxConcurrentDrives) {

    /**
     * {@code marketplace.fulfilment.payment.*}: the attempts of the take-payment step and of its refund. The pauses
     * between them (doubling from {@code firstPause} up to {@code longestPause}, ±50 %) should add up to more than
     * the payment provider's breaker stays open ({@code marketplace.payments.resilience.wait-in-open-state}, 10 s by
     * default), so that a short outage delays an order instead of cancelling it. The defaults span about 25 s. Where
     * the payments are a service, an attempt is one request, and it fails when no reply came within the step timeout
     * (the payments service keeps trying while its provider is away); the attempts then span up to six step timeouts.
     *
     * @param attempts     attempts of the step (each of them retries the provider call itself too)
     * @param firstPause   the pause after the first failed attempt
     * @param longestPause the longest pause
     */
    public record Payment(@DefaultValue("6") int attempts, @DefaultValue("1s") Duration firstPause,
                          @DefaultValue("10s") Duration longestPause) {
    }
}
