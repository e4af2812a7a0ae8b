/** The catalog read model: products with their producer, price and availability. */
package dev.ordo.marketplace.catalog.readmodel;
