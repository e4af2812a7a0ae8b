/**
 * Technical pieces every context uses and none owns: the marketplace's own tables, request metadata, problem
 * responses, idempotency, dead letters, parked sagas, and the wiring the contexts contribute to. Depends on no bounded
 * context (only on the shared kernel).
 */
package dev.ordo.marketplace.platform;
