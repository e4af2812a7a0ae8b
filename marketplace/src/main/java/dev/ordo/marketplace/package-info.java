/**
 * The marketplace: bounded contexts as packages (catalog, ordering, inventory, payments, shipping, notifications, the
 * fulfilment saga that orchestrates them, and the read side), built on Ordo. This package wires them
 * ({@code MarketplaceWiring}) and says how their events look as JSON ({@link dev.ordo.marketplace.EventJson}).
 */
package dev.ordo.marketplace;
