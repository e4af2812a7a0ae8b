/** The ordering context's application layer: handles order commands on their streams and reads their history. */
package dev.ordo.marketplace.ordering.app;
