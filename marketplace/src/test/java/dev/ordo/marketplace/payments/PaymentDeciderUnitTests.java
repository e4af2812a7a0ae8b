package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.test.fixture.DeciderFixture;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentDeciderUnitTests {

    private static final DeciderFixture<PaymentCommand, Payments, PaymentEvent> PAYMENTS =
            DeciderFixture.of(new PaymentDecider());
    private static final OrderId ORDER = OrderId.of(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
    private static final Money TEN = Money.of("10.00", "EUR");
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final PaymentAuthorized AUTHORIZED = new PaymentAuthorized(ORDER, "p-1", TEN, "CARD", "psp_1", AT);
    private static final PaymentCaptured CAPTURED = new PaymentCaptured(ORDER, "p-1", TEN, AT);

    @Test
    void recordsAnAuthorizationThenItsCapture() {
        PAYMENTS.when(new RecordAuthorization(ORDER, "p-1", TEN, "CARD", "psp_1", AT)).then(AUTHORIZED);
        PAYMENTS.given(AUTHORIZED).when(new RecordCapture(ORDER, "p-1", AT)).then(CAPTURED);
    }

    @Test
    void recordsEachOutcomeOnceSoARetriedStepRecordsNothingNew() {
        PAYMENTS.given(AUTHORIZED).when(new RecordAuthorization(ORDER, "p-1", TEN, "CARD", "psp_1", AT)).thenNothing();
        PAYMENTS.given(AUTHORIZED, CAPTURED).when(new RecordCapture(ORDER, "p-1", AT)).thenNothing();
        PAYMENTS.given(AUTHORIZED, CAPTURED, new PaymentRefunded(ORDER, "p-1", TEN, AT))
                .when(new RecordRefund(ORDER, "p-1", TEN, AT)).thenNothing();
    }

    @Test
    void refusesToCaptureAPaymentThatWasNotAuthorized() {
        PAYMENTS.when(new RecordCapture(ORDER, "p-1", AT)).thenRejects(PaymentRuleViolation.class,
                "rule payment-not-authorized");
        PAYMENTS.given(new PaymentDeclined(ORDER, "p-1", TEN, "CARD", "no funds", AT))
                .when(new RecordCapture(ORDER, "p-1", AT))
                .thenRejects(PaymentRuleViolation.class, "(payment is DECLINED)");
    }

    @Test
    void aDeclinedPaymentStaysDeclined() {
        PAYMENTS.given(new PaymentDeclined(ORDER, "p-1", TEN, "CARD", "no funds", AT))
                .when(new RecordAuthorization(ORDER, "p-1", TEN, "CARD", "psp_1", AT))
                .thenRejects(PaymentRuleViolation.class, "rule payment-already-declined");
    }

    @Test
    void refundsACapturedPaymentAtItsAmount() {
        PAYMENTS.given(AUTHORIZED, CAPTURED).when(new RecordRefund(ORDER, "p-1", Money.of("1.00", "EUR"), AT))
                .then(new PaymentRefunded(ORDER, "p-1", TEN, AT));
    }

    @Test
    void recordsARefundOfAPaymentTheStreamNeverSawAtTheProvidersAmount() {
        PAYMENTS.when(new RecordRefund(ORDER, "p-1", TEN, AT)).then(new PaymentRefunded(ORDER, "p-1", TEN, AT));
    }

    @Test
    void aStreamHoldsThePaymentsOfOneOrder() {
        PAYMENTS.given(AUTHORIZED)
                .when(new RecordCapture(OrderId.of(UUID.randomUUID()), "p-1", AT))
                .thenRejects(PaymentRuleViolation.class, "rule order-mismatch");
    }

    @Test
    void refusesAnAuthorizationOfNothing() {
        PAYMENTS.when(new RecordAuthorization(ORDER, "p-1", Money.of("0", "EUR"), "CARD", "psp_1", AT))
                .thenRejects(PaymentRuleViolation.class, "rule amount-must-be-positive");
    }
}
