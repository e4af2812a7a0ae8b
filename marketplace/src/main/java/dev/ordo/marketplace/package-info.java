/**
 * The marketplace: bounded contexts as packages (catalog, ordering, inventory, payments, shipping, notifications, the
 * fulfilment saga that orchestrates them, and the read side), built on Ordo.
 */
package dev.ordo.marketplace;
