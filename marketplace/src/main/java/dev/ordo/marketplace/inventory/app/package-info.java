/**
 * The inventory context's application layer and public API: stock commands on their streams (sent as
 * {@link dev.ordo.marketplace.inventory.app.InventoryService#request} through the command bus) and the demo stock.
 */
package dev.ordo.marketplace.inventory.app;
