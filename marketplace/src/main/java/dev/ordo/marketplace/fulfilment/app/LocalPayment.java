package dev.ordo.marketplace.fulfilment.app;

import static dev.ordo.marketplace.fulfilment.FulfilmentIds.actionInvocationId;

import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.payments.PaymentDeclinedException;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.app.Charge;
import dev.ordo.marketplace.payments.app.PaymentService;
import dev.ordo.saga.NonRetryableStepException;
import dev.ordo.saga.SagaStep;
import dev.ordo.saga.StepContext;
import dev.ordo.saga.StepOutcome;
import dev.ordo.saga.StepRetry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment taken in the saga's own process (the embedded application): the step calls the {@link PaymentService}
 * itself, so an attempt cut short by its timeout is an action the engine abandoned, and the engine waits for it to stop
 * before it compensates (a refund never overtakes its charge). A provider that cannot be reached fails the attempt,
 * and the step's attempts outlast an open circuit breaker. The only place the fulfilment reaches into the payments
 * context's application code; where the payments are a service, {@link RemotePayment} asks them by message.
 */
record LocalPayment(PaymentService payments) implements PaymentStep {

    private static final Logger log = LoggerFactory.getLogger(LocalPayment.class);

    @Override
    public SagaStep<FulfilmentData> step(StepRetry retry, Duration timeout) {
        return SagaStep.<FulfilmentData>named(NAME).action(this::take).compensation(this::giveBack).retry(retry)
                .timeout(timeout).build();
    }

    /** Authorizes and captures the order's total; a decline fails the step for good. */
    StepOutcome<FulfilmentData> take(StepContext<FulfilmentData> context) {
        String paymentId = context.invocationId();
        FulfilmentData data = context.data();
        try {
            Charge charge = payments.charge(data.orderId(), paymentId, data.total(), METHOD, context.metadata());
            return StepOutcome.done(d -> d.paid(paymentId, charge.reference()));
        } catch (PaymentDeclinedException declined) {
            throw new NonRetryableStepException("payment declined: " + declined.getMessage(), declined);
        }
    }

    /**
     * Refunds the payment, or voids it, or finds nothing was taken ({@link PaymentService#giveBack}).
     *
     * @throws PaymentProviderUnavailableException when the provider cannot be reached and money may have been taken:
     *                                             retried, then parked for an operator
     */
    FulfilmentData giveBack(StepContext<FulfilmentData> context) {
        FulfilmentData data = context.data();
        payments.giveBack(data.orderId(), actionInvocationId(context.invocationId()), context.metadata())
                .ifPresent(amount -> log.info("refunded {} for order {}", amount, data.orderId()));
        return null;
    }

    /** Takes the payment in this process where the payments context runs in it (the embedded application). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "marketplace.fulfilment.participants", havingValue = "in-process",
            matchIfMissing = true)
    static class Wiring {

        @Bean
        PaymentStep localPayment(PaymentService payments) {
            return new LocalPayment(payments);
        }
    }
}
