/** The catalog context's application layer: handles product commands on their streams. */
package dev.ordo.marketplace.catalog.app;
