/**
 * The marketplace: bounded contexts as packages (catalog, ordering, inventory, payments, shipping, notifications, the
 * fulfilment saga that orchestrates them, and the read side), built on Ordo. Each context contributes its part of the
 * wiring ({@code <Context>Wiring} in its {@code app} package); {@link dev.ordo.marketplace.platform.wiring} assembles
 * them.
 */
package dev.ordo.marketplace;
