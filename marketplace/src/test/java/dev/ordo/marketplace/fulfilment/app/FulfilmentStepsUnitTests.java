package dev.ordo.marketplace.fulfilment.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.payments.PaymentDeclinedException;
import dev.ordo.marketplace.payments.PaymentEvent;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.app.PaymentResilience;
import dev.ordo.marketplace.payments.app.PaymentService;
import dev.ordo.marketplace.payments.app.ResilientPaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import dev.ordo.marketplace.platform.wiring.EventJson;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.saga.StepContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The payment step's compensation runs whenever the step was attempted, also after the charge failed or was declined:
 * it refunds what was taken, and needs no provider to know that nothing was taken.
 */
class FulfilmentStepsUnitTests {

    private static final Money TOTAL = Money.of("42.00", "EUR");
    private static final PaymentResilience QUICK = new PaymentResilience(Duration.ofSeconds(2), 1,
            Duration.ofMillis(10), Duration.ofMillis(20), 50, 100, 100, Duration.ofSeconds(60), 1);

    private final FakePaymentProvider provider = new FakePaymentProvider(
            FakePaymentSettings.ofDefaults().withLatency(Duration.ZERO), Clock.systemUTC());
    private final ResilientPaymentProvider resilient = new ResilientPaymentProvider(provider, QUICK);
    private final PaymentService payments = new PaymentService(resilient, new InMemoryEventStore(),
            JacksonEventSerializer.builder(EventTypeRegistry.builder().registerSealed(PaymentEvent.class).build())
                    .mapper(EventJson.mapper()).build(), Clock.systemUTC());
    private final FulfilmentSteps steps = new FulfilmentSteps(payments, Clock.systemUTC());
    private final UUID sagaId = UUID.randomUUID();
    private final OrderId orderId = OrderId.of(UUID.randomUUID());
    private final String paymentId = sagaId + ":take-payment";

    @Test
    void aRefundOfAPaymentThatWasNeverAuthorizedNeedsNoProviderAndSucceedsWhileItIsDown() {
        provider.outage(true);
        assertThatThrownBy(() -> payments.charge(orderId, paymentId, TOTAL, "CARD", EventMetadata.empty()))
                .isInstanceOf(PaymentProviderUnavailableException.class);

        assertThat(steps.refundPayment(compensation())).isNull();

        assertThat(provider.ledger().chargesStartingWith(sagaId.toString())).isEmpty();
    }

    @Test
    void aRefundOfADeclinedPaymentSucceedsWhileTheProviderIsDown() {
        provider.configure(provider.settings().withDeclineRate(1));
        assertThatThrownBy(() -> payments.charge(orderId, paymentId, TOTAL, "CARD", EventMetadata.empty()))
                .isInstanceOf(PaymentDeclinedException.class);
        provider.outage(true);

        assertThat(steps.refundPayment(compensation())).isNull();
    }

    @Test
    void aRefundOfACapturedPaymentFailsWhileTheProviderIsDownSoTheSagaRetriesItAndParksIt() {
        payments.charge(orderId, paymentId, TOTAL, "CARD", EventMetadata.empty());
        provider.outage(true);

        assertThatThrownBy(() -> steps.refundPayment(compensation()))
                .isInstanceOf(PaymentProviderUnavailableException.class);

        provider.outage(false);
        steps.refundPayment(compensation());
        assertThat(provider.ledger().refundsStartingWith(sagaId.toString())).singleElement()
                .satisfies(refund -> assertThat(refund.amount()).isEqualTo(TOTAL));
    }

    private StepContext<FulfilmentData> compensation() {
        FulfilmentData data = FulfilmentData.of(orderId).accepted(null, List.of(), TOTAL, null);
        return new StepContext<>(sagaId, "order-fulfilment", "take-payment", paymentId + ":compensate", 1, data,
                "step take-payment failed");
    }
}
