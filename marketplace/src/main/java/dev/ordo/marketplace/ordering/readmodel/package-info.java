/** The orders read model: order details and lines, queried by id or as a filtered, paginated list. */
package dev.ordo.marketplace.ordering.readmodel;
