/** The inventory read model: units available and reserved per product. */
package dev.ordo.marketplace.inventory.readmodel;
