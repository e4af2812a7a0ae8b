package dev.ordo.marketplace.fulfilment.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.payments.app.PaymentResilience;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The fulfilment's defaults, as Spring binds them when nothing is configured. */
class FulfilmentPropertiesUnitTests {

    private static FulfilmentProperties bound(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("marketplace.fulfilment", FulfilmentProperties.class);
    }

    @Test
    void theDefaultPaymentAttemptsOutlastTheDefaultOpenBreakerEvenWithTheShortestJitter() {
        FulfilmentProperties.Payment payment = bound(Map.of()).payment();

        Duration shortestSpan = Duration.ZERO;
        Duration pause = payment.firstPause();
        for (int failed = 1; failed < payment.attempts(); failed++) {
            shortestSpan = shortestSpan.plus(pause.dividedBy(2));
            pause = pause.multipliedBy(2).compareTo(payment.longestPause()) > 0 ? payment.longestPause()
                    : pause.multipliedBy(2);
        }

        assertThat(shortestSpan).as("a provider outage shorter than the breaker's open state must not cancel orders")
                .isGreaterThan(PaymentResilience.ofDefaults().waitInOpenState());
    }

    @Test
    void theDrivesAndPaymentAttemptsCanBeConfigured() {
        FulfilmentProperties properties = bound(Map.of("marketplace.fulfilment.payment.attempts", "3",
                "marketplace.fulfilment.payment.first-pause", "500ms", "marketplace.fulfilment.max-concurrent-drives",
                "4"));

        assertThat(properties.payment()).isEqualTo(new FulfilmentProperties.Payment(3, Duration.ofMillis(500),
                Duration.ofSeconds(10)));
        assertThat(properties.maxConcurrentDrives()).isEqualTo(4);
        assertThat(bound(Map.of()).maxConcurrentDrives()).isEqualTo(256);
    }
}
