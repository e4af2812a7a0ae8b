package dev.ordo.marketplace.payments.app;

import dev.ordo.core.store.TransientFailure;
import dev.ordo.marketplace.payments.ChargeOrder;
import dev.ordo.marketplace.payments.PaymentDeclinedException;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.PaymentTaken;
import dev.ordo.marketplace.payments.PaymentsContracts;
import dev.ordo.marketplace.payments.RefundOrderPayment;
import dev.ordo.marketplace.platform.wiring.ContextParticipant;
import dev.ordo.marketplace.platform.wiring.StepRefusedException;
import dev.ordo.saga.StepRequest;
import org.springframework.stereotype.Component;

/**
 * The payments as a saga participant, where they run as a service of their own (ADR 27): charges an order and gives
 * its payment back through the {@link PaymentService}, once per payment id (the provider moves money once per id,
 * and an outcome already recorded is not recorded again).
 *
 * <p>A decline refuses the charge for good, naming the provider's reason. A provider that cannot be reached says
 * nothing about the request: the handler throws a {@link ProviderAway}, a transient failure, and whoever delivered
 * the request delivers it again after a pause (the participant endpoint reads it again; the order's later requests,
 * such as the refund of a charge whose saga gave up waiting, wait behind it in their partition, so a refund never
 * overtakes its charge). Thread-safe.
 */
@Component
public class PaymentRequests implements ContextParticipant {

    private final PaymentService payments;

    public PaymentRequests(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public void handlers(Handlers handlers) {
        handlers.handle(PaymentsContracts.CHARGE, this::charge).handle(PaymentsContracts.REFUND, this::refund);
    }

    /**
     * @throws StepRefusedException when the provider declined, with its reason
     * @throws ProviderAway         when the provider cannot be reached now
     */
    PaymentTaken charge(ChargeOrder request, StepRequest step) {
        try {
            Charge charge = payments.charge(request.orderId(), request.paymentId(), request.amount(), request.method(),
                    step.metadata());
            return new PaymentTaken(charge.paymentId(), charge.reference(), charge.amount());
        } catch (PaymentDeclinedException declined) {
            throw new StepRefusedException("payment declined: " + declined.getMessage());
        } catch (PaymentProviderUnavailableException unavailable) {
            throw new ProviderAway(unavailable);
        }
    }

    /**
     * Gives the payment back ({@link PaymentService#giveBack}).
     *
     * @throws ProviderAway when the provider cannot be reached now and money may have been taken
     */
    Object refund(RefundOrderPayment request, StepRequest step) {
        try {
            payments.giveBack(request.orderId(), request.paymentId(), step.metadata());
            return null;
        } catch (PaymentProviderUnavailableException unavailable) {
            throw new ProviderAway(unavailable);
        }
    }

    /** The payment provider cannot be reached for now: a passing failure, so the request is delivered again. */
    public static final class ProviderAway extends RuntimeException implements TransientFailure {
        ProviderAway(PaymentProviderUnavailableException cause) {
            super("the payment provider cannot be reached now: " + cause.getMessage(), cause);
        }
    }
}
