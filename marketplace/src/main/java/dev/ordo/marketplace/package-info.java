/** The marketplace: bounded contexts as packages (catalog, ordering, and the read side), built on Ordo. */
package dev.ordo.marketplace;
