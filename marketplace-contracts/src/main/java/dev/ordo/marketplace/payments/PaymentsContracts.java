package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.StepContract;

/** The requests the payments answer for sagas, as published (ADR 27): their names on the wire and their answers. */
public final class PaymentsContracts {

    /** The participant's name, and the part of its command topic that names it. */
    public static final String PARTICIPANT = "payments";

    public static final StepContract<ChargeOrder> CHARGE = new StepContract<>("payments.charge-order.v1",
            ChargeOrder.class, PARTICIPANT, PaymentTaken.class);
    public static final StepContract<RefundOrderPayment> REFUND = StepContract.of("payments.refund-order-payment.v1",
            RefundOrderPayment.class, PARTICIPANT);

    private PaymentsContracts() {
    }
}
