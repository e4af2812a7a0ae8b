package dev.ordo.marketplace.fulfilment.app;

import static dev.ordo.marketplace.fulfilment.FulfilmentIds.actionInvocationId;

import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.payments.ChargeOrder;
import dev.ordo.marketplace.payments.PaymentTaken;
import dev.ordo.marketplace.payments.RefundOrderPayment;
import dev.ordo.saga.RemoteCall;
import dev.ordo.saga.SagaStep;
import dev.ordo.saga.StepChannel;
import dev.ordo.saga.StepContext;
import dev.ordo.saga.StepRetry;
import java.time.Clock;
import java.time.Duration;

/**
 * The payment asked of the payments service by message (ADR 27): a {@link ChargeOrder} under the step's invocation
 * id, undone by a {@link RefundOrderPayment} naming the same payment id. The payments service keeps trying a request
 * while its provider cannot be reached, and handles an order's requests one after the other, so a refund never
 * overtakes its charge. A reply that does not come before the deadline is a failed attempt whose outcome is unknown:
 * the next attempt asks again under the same id (ADR 28), and once the attempts ran out the saga compensates, which
 * gives back whatever the charge took when it finally went through.
 */
record RemotePayment(StepChannel participants, Clock clock) implements PaymentStep {

    @Override
    public SagaStep<FulfilmentData> step(StepRetry retry, Duration timeout) {
        return SagaStep.<FulfilmentData>named(NAME)
                .call(new RemoteCall<>(participants, this::charge, PaymentTaken.class, RemotePayment::paid, timeout))
                .compensationCall(RemoteCall.withoutResult(participants, this::refund, timeout))
                .retry(retry).timeout(timeout).build();
    }

    /** The request that charges the order's total under the step's invocation id. */
    ChargeOrder charge(StepContext<FulfilmentData> context) {
        FulfilmentData data = context.data();
        return new ChargeOrder(data.orderId(), context.invocationId(), data.total(), METHOD, clock.instant());
    }

    /** The request that gives back what the step's charge took, from the compensation's context. */
    RefundOrderPayment refund(StepContext<FulfilmentData> context) {
        return new RefundOrderPayment(context.data().orderId(), actionInvocationId(context.invocationId()),
                clock.instant());
    }

    /** The saga's data once the payment was taken. */
    static FulfilmentData paid(FulfilmentData data, PaymentTaken taken) {
        return data.paid(taken.paymentId(), taken.reference());
    }
}
