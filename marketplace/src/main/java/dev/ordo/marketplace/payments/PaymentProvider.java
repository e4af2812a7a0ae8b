package dev.ordo.marketplace.payments;

import dev.ordo.marketplace.shared.Money;

/**
 * The port to a payment service provider. Every call is idempotent by payment id, as real providers are with an
 * idempotency key: authorizing, capturing or refunding the same payment again returns the first outcome and moves no
 * money. Implementations are thread-safe.
 */
public interface PaymentProvider {

    /**
     * Reserves the amount on the customer's means of payment. A decline is final: authorizing the same payment again
     * returns the same decline.
     *
     * @throws PaymentProviderUnavailableException when the provider cannot be reached or answers with an error;
     *                                             trying again later may succeed
     */
    Authorization authorize(String paymentId, Money amount, String method);

    /**
     * Takes the authorized amount: the charge.
     *
     * @throws PaymentProviderUnavailableException as for {@link #authorize}
     * @throws IllegalStateException               when the payment was not authorized
     */
    Capture capture(String paymentId);

    /**
     * Gives back a captured amount, or voids an authorization that was not captured.
     *
     * @return {@link Refund.NothingToRefund} when the provider holds nothing for this payment
     * @throws PaymentProviderUnavailableException as for {@link #authorize}
     */
    Refund refund(String paymentId);
}
