package dev.ordo.marketplace.payments.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.marketplace.payments.ChargeOrder;
import dev.ordo.marketplace.payments.PaymentEvent;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.PaymentStatus;
import dev.ordo.marketplace.payments.PaymentTaken;
import dev.ordo.marketplace.payments.RefundOrderPayment;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import dev.ordo.marketplace.platform.wiring.EventJson;
import dev.ordo.marketplace.platform.wiring.StepRefusedException;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.saga.StepRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The payments as a saga participant: a charge is taken once per payment id, a decline refuses it with the provider's
 * reason, a provider that cannot be reached is a passing failure (the request is delivered again), and giving a
 * payment back needs no provider to know that nothing was taken.
 */
class PaymentRequestsUnitTests {

    private static final Money TOTAL = Money.of("42.00", "EUR");
    private static final PaymentResilience QUICK = new PaymentResilience(Duration.ofSeconds(2), 1,
            Duration.ofMillis(10), Duration.ofMillis(20), 50, 100, 100, Duration.ofSeconds(60), 1);

    private final FakePaymentProvider provider = new FakePaymentProvider(
            FakePaymentSettings.ofDefaults().withLatency(Duration.ZERO), Clock.systemUTC());
    private final PaymentService payments = new PaymentService(new ResilientPaymentProvider(provider, QUICK),
            new InMemoryEventStore(), JacksonEventSerializer.builder(EventTypeRegistry.builder()
                    .registerSealed(PaymentEvent.class).build()).mapper(EventJson.mapper()).build(), Clock.systemUTC());
    private final PaymentRequests requests = new PaymentRequests(payments);
    private final UUID sagaId = UUID.randomUUID();
    private final OrderId orderId = OrderId.of(UUID.randomUUID());
    private final String paymentId = sagaId + ":take-payment";

    @Test
    void aChargeAskedTwiceUnderOnePaymentIdTakesTheMoneyOnceAndAnswersTheSame() {
        PaymentTaken first = requests.charge(charge(), step(paymentId));
        PaymentTaken again = requests.charge(charge(), step(paymentId));

        assertThat(again).isEqualTo(first);
        assertThat(first.amount()).isEqualTo(TOTAL);
        assertThat(provider.ledger().chargesStartingWith(sagaId.toString())).hasSize(1);
        assertThat(payments.load(orderId).state().payment(paymentId)).hasValueSatisfying(payment ->
                assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED));
    }

    @Test
    void aDeclineRefusesTheChargeForGoodWithTheProvidersReason() {
        provider.configure(provider.settings().withDeclineRate(1));

        assertThatThrownBy(() -> requests.charge(charge(), step(paymentId)))
                .isInstanceOf(StepRefusedException.class).hasMessageStartingWith("payment declined: ")
                .satisfies(refusal -> assertThat(TransientFailures.isTransient(refusal)).isFalse());
        assertThat(provider.ledger().chargesStartingWith(sagaId.toString())).isEmpty();
    }

    @Test
    void aChargeWhileTheProviderCannotBeReachedIsAPassingFailureThatRecordsNothing() {
        provider.outage(true);

        assertThatThrownBy(() -> requests.charge(charge(), step(paymentId)))
                .isInstanceOf(PaymentRequests.ProviderAway.class)
                .hasCauseInstanceOf(PaymentProviderUnavailableException.class)
                .satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).isTrue());
        assertThat(payments.load(orderId).version()).isZero();

        provider.outage(false);
        assertThat(requests.charge(charge(), step(paymentId)).amount()).isEqualTo(TOTAL);
    }

    @Test
    void givingBackAPaymentThatWasNeverAuthorizedNeedsNoProviderAndSucceedsWhileItIsDown() {
        provider.outage(true);
        assertThatThrownBy(() -> requests.charge(charge(), step(paymentId)))
                .isInstanceOf(PaymentRequests.ProviderAway.class);

        assertThat(requests.refund(refund(), step(paymentId + ":compensate"))).isNull();

        assertThat(provider.ledger().chargesStartingWith(sagaId.toString())).isEmpty();
    }

    @Test
    void givingBackADeclinedPaymentSucceedsWhileTheProviderIsDown() {
        provider.configure(provider.settings().withDeclineRate(1));
        assertThatThrownBy(() -> requests.charge(charge(), step(paymentId)))
                .isInstanceOf(StepRefusedException.class);
        provider.outage(true);

        assertThat(requests.refund(refund(), step(paymentId + ":compensate"))).isNull();
    }

    @Test
    void givingBackACapturedPaymentWhileTheProviderIsDownIsTriedAgainAndRefundsOnce() {
        requests.charge(charge(), step(paymentId));
        provider.outage(true);

        assertThatThrownBy(() -> requests.refund(refund(), step(paymentId + ":compensate")))
                .isInstanceOf(PaymentRequests.ProviderAway.class)
                .satisfies(failure -> assertThat(TransientFailures.isTransient(failure)).isTrue());

        provider.outage(false);
        requests.refund(refund(), step(paymentId + ":compensate"));
        requests.refund(refund(), step(paymentId + ":compensate"));
        assertThat(provider.ledger().refundsStartingWith(sagaId.toString())).singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(TOTAL));
    }

    private ChargeOrder charge() {
        return new ChargeOrder(orderId, paymentId, TOTAL, "CARD", Instant.now());
    }

    private RefundOrderPayment refund() {
        return new RefundOrderPayment(orderId, paymentId, Instant.now());
    }

    private StepRequest step(String invocationId) {
        return new StepRequest(invocationId, "order-fulfilment", "take-payment", charge());
    }
}
