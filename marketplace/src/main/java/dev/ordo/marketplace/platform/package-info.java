/**
 * Technical pieces every context uses and none owns: the JSON shape of stored events, the marketplace's own tables,
 * request metadata, problem responses and idempotency. Depends on no bounded context.
 */
package dev.ordo.marketplace.platform;
