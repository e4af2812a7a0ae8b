/** The catalog's HTTP API: products and producers, registering products, changing prices and availability. */
package dev.ordo.marketplace.catalog.web;
