/**
 * Technical pieces every context uses and none owns: the marketplace's own tables, request metadata, problem
 * responses, idempotency, dead letters and parked sagas. Depends on no bounded context (so the JSON shape of stored
 * events, which names the contexts' id types, is {@link dev.ordo.marketplace.EventJson} beside the wiring).
 */
package dev.ordo.marketplace.platform;
