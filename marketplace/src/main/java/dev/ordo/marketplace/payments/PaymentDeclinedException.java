package dev.ordo.marketplace.payments;

/** The provider declined a payment; final, retrying changes nothing. The message is the provider's reason. */
public final class PaymentDeclinedException extends RuntimeException {

    private final String paymentId;

    public PaymentDeclinedException(String paymentId, String reason) {
        super(reason);
        this.paymentId = paymentId;
    }

    public String paymentId() {
        return paymentId;
    }
}
