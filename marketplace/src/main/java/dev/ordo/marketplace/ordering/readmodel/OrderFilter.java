package dev.ordo.marketplace.ordering.readmodel;

import java.time.Instant;

/**
 * Which orders a list shows; {@code null} fields do not restrict.
 *
 * @param customerId only this customer's orders
 * @param status     only orders in this status
 * @param placedFrom only orders placed at or after this instant
 * @param placedTo   only orders placed before this instant
 */
public record OrderFilter(String customerId, String status, Instant placedFrom, Instant placedTo) {
}
