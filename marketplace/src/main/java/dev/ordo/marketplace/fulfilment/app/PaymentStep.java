package dev.ordo.marketplace.fulfilment.app;

import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.saga.SagaStep;
import dev.ordo.saga.StepRetry;
import java.time.Duration;

/**
 * How the fulfilment's {@code take-payment} step takes an order's total and gives it back when the saga compensates:
 * in this process ({@link LocalPayment}, the embedded application) or by message to the payments service
 * ({@link RemotePayment}, ADR 27). Either way the payment id is the step's invocation id, so a retried or resumed step
 * charges once, and a decline fails the step for good with the provider's reason.
 */
sealed interface PaymentStep permits LocalPayment, RemotePayment {

    /** The step's name in the saga. */
    String NAME = "take-payment";

    /** Every order is paid by card: the marketplace has no checkout yet where a customer could choose. */
    String METHOD = "CARD";

    /** The step, tried as {@code retry} says, each attempt bounded by {@code timeout}. */
    SagaStep<FulfilmentData> step(StepRetry retry, Duration timeout);
}
