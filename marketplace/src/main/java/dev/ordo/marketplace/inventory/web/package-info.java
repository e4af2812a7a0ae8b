/** The inventory's HTTP API: stock per product. */
package dev.ordo.marketplace.inventory.web;
