/**
 * The inventory context's application layer and public API: stock commands on their streams (addressed with
 * {@link dev.ordo.marketplace.inventory.app.InventoryService#STOCK} and sent through the command bus) and the demo
 * stock.
 */
package dev.ordo.marketplace.inventory.app;
