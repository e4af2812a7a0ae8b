/**
 * The fulfilment saga's definition and steps, the service that starts and cancels it, and its Spring wiring (saga
 * engine, process manager, parked compensations).
 */
package dev.ordo.marketplace.fulfilment.app;
