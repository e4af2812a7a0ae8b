package dev.ordo.marketplace.ordering.readmodel;

import java.time.Instant;

/** One order in a list: enough to show a row and link to the details. */
public record OrderListItem(String orderId, String customerId, String status, OrderView.Amount total, int items,
                            Instant placedAt, long version) {
}
