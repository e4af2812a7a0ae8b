/**
 * The payments context's application layer and public API: {@link dev.ordo.marketplace.payments.app.PaymentService}
 * takes and refunds payments through the provider, protected by Resilience4j, and records each outcome on the
 * order's payment stream.
 */
package dev.ordo.marketplace.payments.app;
