/** Inventory: units on hand per product and their reservations, as a pure decider per product stock. */
package dev.ordo.marketplace.inventory;
