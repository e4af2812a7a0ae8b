package dev.ordo.marketplace.payments.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.marketplace.payments.Authorization;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import dev.ordo.marketplace.shared.Money;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls to the payment provider through Resilience4j, with small windows and waits. */
class PaymentCircuitBreakerUnitTests {

    private static final Money TEN = Money.of("10.00", "EUR");
    private static final PaymentResilience SMALL = new PaymentResilience(Duration.ofMillis(300), 2,
            Duration.ofMillis(10), Duration.ofMillis(20), 50, 4, 4, Duration.ofMillis(500), 2);

    private final FakePaymentProvider fake = new FakePaymentProvider(
            FakePaymentSettings.ofDefaults().withLatency(Duration.ZERO), Clock.systemUTC());
    private final ResilientPaymentProvider payments = new ResilientPaymentProvider(fake, SMALL);

    @AfterEach
    void stop() {
        fake.releaseHangs();
    }

    @Test
    void opensUnderAnOutageSoCallsFailFastWithoutReachingTheProviderThenHalfOpensAndRecovers() {
        fake.outage(true);
        for (int i = 0; i < 2; i++) {
            String id = "p-" + i;
            assertThatThrownBy(() -> payments.authorize(id, TEN, "CARD"))
                    .isInstanceOf(PaymentProviderUnavailableException.class)
                    .hasMessageStartingWith("payment service unavailable");
        }
        assertThat(payments.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = fake.calls();
        assertThat(callsWhenOpened).isEqualTo(4);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> payments.authorize("p-open", TEN, "CARD"))
                    .isInstanceOf(PaymentProviderUnavailableException.class)
                    .hasCauseInstanceOf(CallNotPermittedException.class)
                    .hasMessageContaining("is OPEN and does not permit further calls");
        }
        assertThat(fake.calls()).as("calls that reached the provider while the breaker was open")
                .isEqualTo(callsWhenOpened);

        await().atMost(Duration.ofSeconds(5))
                .until(() -> payments.circuitBreaker().getState() == CircuitBreaker.State.HALF_OPEN);
        fake.outage(false);
        assertThat(payments.authorize("p-after", TEN, "CARD")).isInstanceOf(Authorization.Approved.class);
        assertThat(payments.capture("p-after").amount()).isEqualTo(TEN);

        assertThat(payments.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(fake.ledger().charges()).hasSize(1);
    }

    @Test
    void retriesAFailureWithBackoffAndSucceedsWhenTheProviderComesBack() {
        PaymentResilience slowBackoff = new PaymentResilience(Duration.ofMillis(300), 3, Duration.ofMillis(400),
                Duration.ofSeconds(1), 50, 10, 10, Duration.ofSeconds(5), 2);
        ResilientPaymentProvider patient = new ResilientPaymentProvider(fake, slowBackoff);
        fake.outage(true);
        Thread.ofVirtual().start(() -> {
            await().pollInterval(Duration.ofMillis(1)).atMost(Duration.ofSeconds(5)).until(() -> fake.calls() >= 1);
            fake.outage(false);
        });

        assertThat(patient.authorize("p-1", TEN, "CARD")).isInstanceOf(Authorization.Approved.class);
        assertThat(fake.calls()).isEqualTo(2);
    }

    @Test
    void aDeclineIsAnAnswerNotAFailureSoItIsNeitherRetriedNorCountedAgainstTheProvider() {
        fake.configure(fake.settings().withDeclineRate(1));
        for (int i = 0; i < 6; i++) {
            assertThat(payments.authorize("p-" + i, TEN, "CARD")).isInstanceOf(Authorization.Declined.class);
        }

        assertThat(fake.calls()).isEqualTo(6);
        assertThat(payments.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aCallThatHangsIsAbandonedAfterTheTimeLimitAndCountsAsAFailure() {
        fake.configure(fake.settings().withTimeoutRate(1));

        assertThatThrownBy(() -> payments.authorize("p-1", TEN, "CARD"))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("gave no answer within PT0.3S");
        assertThat(fake.calls()).isEqualTo(2);
        assertThat(payments.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
    }
}
