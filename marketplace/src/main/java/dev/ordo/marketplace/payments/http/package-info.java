/**
 * The payment provider over HTTP: {@link dev.ordo.marketplace.payments.http.HttpPaymentProvider} speaks the small JSON
 * protocol of {@code docs/adr/0019-crash-harness-and-http-payment-provider.md} to a provider outside the
 * marketplace's process, with the payment id as the idempotency key; every failure whose outcome is unknown reaches
 * the caller as {@link dev.ordo.marketplace.payments.PaymentProviderUnavailableException}.
 */
package dev.ordo.marketplace.payments.http;
