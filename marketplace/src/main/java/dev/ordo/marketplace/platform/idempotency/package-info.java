/** Idempotency-Key support for command endpoints: a retried request returns the first result and writes nothing. */
package dev.ordo.marketplace.platform.idempotency;
