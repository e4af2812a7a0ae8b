package dev.ordo.marketplace.fulfilment.app;

import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.fulfilment.FulfilmentIds;
import dev.ordo.marketplace.inventory.OrderStockReserved;
import dev.ordo.marketplace.shipping.ShipmentBooked;
import dev.ordo.saga.RemoteCall;
import dev.ordo.saga.SagaDefinition;
import dev.ordo.saga.SagaStep;
import dev.ordo.saga.StepChannel;
import dev.ordo.saga.StepRetry;
import java.time.Duration;

/**
 * The order fulfilment saga, step by step (each undone in reverse order when a later one fails):
 * <ol>
 *   <li>{@code accept-order}: the order must be PENDING; its lines, total and address are taken. Undo: cancel the
 *       order with the reason the saga failed, also when the saga was cancelled before this step ran. It is the first
 *       step, so this is always the last compensation.</li>
 *   <li>{@code reserve-stock}, by message to the inventory: every line, under one reservation id. Undo: release it
 *       (by message).</li>
 *   <li>{@code take-payment}: authorize and capture the total, in this process or by message to the payments
 *       ({@link PaymentStep}). A decline fails the step at once. Undo: refund.</li>
 *   <li>{@code record-payment}: {@code PayOrder} with the provider's reference.</li>
 *   <li>{@code create-shipment}, by message to shipping: book a carrier; the {@code ShipmentBooked} reply gives the
 *       carrier and tracking number. Undo: cancel the booking (by message).</li>
 *   <li>{@code ship-order}: {@code ShipOrder} with the tracking number and carrier.</li>
 *   <li>{@code confirm}, by message to notifications: tell the customer.</li>
 *   <li>{@code ship-stock}, by message to the inventory: take the reserved units out of the stock. After the
 *       confirmation, so that if that fails for good the reservation is still open and its compensation releases it.
 *   </li>
 * </ol>
 * The requests by message go through one {@link StepChannel}: within the process in the embedded application, over
 * Kafka where the participants are services of their own. Every id a participant sees is the step's invocation id, so
 * retries and restarts never do anything twice. Once {@code ship-order} has started the fulfilment can no longer be
 * cancelled (the parcel is on its way); a failure after it still compensates.
 */
final class FulfilmentSaga {

    /** Most steps: 3 attempts, 200 ms then 400 ms (±50 %). */
    static final StepRetry RETRY = StepRetry.ofDefaults();
    /** Compensations must not give up easily: 6 attempts, up to 30 s apart, then the saga is parked. */
    static final StepRetry UNDO_RETRY = StepRetry.ofDefaults().withMaxAttempts(6).withBackoff(Duration.ofMillis(200),
            3, Duration.ofSeconds(30));

    private FulfilmentSaga() {
    }

    static SagaDefinition<FulfilmentData> definition(StateCodec<FulfilmentData> codec, OrderSteps order,
                                                     FulfilmentSteps steps, PaymentStep paymentStep,
                                                     StepChannel participants, Duration stepTimeout,
                                                     FulfilmentProperties.Payment payment) {
        // the provider calls are retried inside each attempt too; the attempts outlast an open breaker
        StepRetry paymentRetry = StepRetry.ofDefaults().withMaxAttempts(payment.attempts())
                .withBackoff(payment.firstPause(), 2, payment.longestPause());
        return SagaDefinition.builder(FulfilmentIds.SAGA_TYPE, codec)
                .step(SagaStep.<FulfilmentData>named("accept-order").action(order::accept)
                        .compensation(order::cancel).compensatedIfNeverRun().retry(UNDO_RETRY).timeout(stepTimeout)
                        .build())
                .step(SagaStep.<FulfilmentData>named("reserve-stock")
                        .call(new RemoteCall<>(participants, steps::reserveRequest, OrderStockReserved.class,
                                FulfilmentSteps::reserved, stepTimeout))
                        .compensationCall(RemoteCall.withoutResult(participants, steps::releaseRequest, stepTimeout))
                        .retry(RETRY).timeout(stepTimeout).build())
                .step(paymentStep.step(paymentRetry, stepTimeout))
                .step(SagaStep.<FulfilmentData>named("record-payment").action(order::recordPayment)
                        .retry(RETRY).timeout(stepTimeout).build())
                .step(SagaStep.<FulfilmentData>named("create-shipment")
                        .call(new RemoteCall<>(participants, steps::shipmentRequest, ShipmentBooked.class,
                                FulfilmentSteps::booked, stepTimeout))
                        .compensationCall(RemoteCall.withoutResult(participants, steps::cancelRequest, stepTimeout))
                        .retry(RETRY).timeout(stepTimeout).build())
                .step(SagaStep.<FulfilmentData>named("ship-order").action(order::ship)
                        .retry(RETRY).timeout(stepTimeout).build())
                .step(SagaStep.<FulfilmentData>named("confirm")
                        .call(RemoteCall.withoutResult(participants, steps::confirmation, stepTimeout))
                        .retry(RETRY).timeout(stepTimeout).build())
                .step(SagaStep.<FulfilmentData>named("ship-stock")
                        .call(RemoteCall.withoutResult(participants, steps::shipStockRequest, stepTimeout))
                        .retry(RETRY).timeout(stepTimeout).build())
                // once the order is shipped the parcel is on its way: a cancellation now is refused, not compensated
                .cancellableUntil("ship-order")
                .build();
    }
}
