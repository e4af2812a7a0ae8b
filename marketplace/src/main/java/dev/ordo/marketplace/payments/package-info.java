/**
 * Payments: the payment provider port, and the payments of an order as a pure decider recording what the provider
 * did (authorized, captured, refunded, declined). Knows nothing of ordering beyond the shared order id.
 */
package dev.ordo.marketplace.payments;
