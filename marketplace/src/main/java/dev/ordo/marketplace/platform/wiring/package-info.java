/**
 * The wiring every process of the marketplace shares, assembled from what its bounded contexts contribute as beans
 * ({@link dev.ordo.marketplace.platform.wiring.ContextEvents}, {@link dev.ordo.marketplace.platform.wiring.ContextRoutes}):
 * one event serializer, one command bus, one query bus, the demo data. The embedded application runs every context;
 * a service runs some.
 */
package dev.ordo.marketplace.platform.wiring;
