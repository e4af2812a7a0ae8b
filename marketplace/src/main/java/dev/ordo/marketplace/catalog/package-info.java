/** Catalog: the products producers offer, their prices and availability, as a pure decider per product. */
package dev.ordo.marketplace.catalog;
