package dev.ordo.marketplace.ordering.readmodel;

import java.util.List;

/**
 * One page of a list of orders, newest first.
 *
 * @param page       the page number, starting at 0
 * @param size       the page size asked for
 * @param totalItems how many orders match the filter in all
 * @param totalPages how many pages of {@code size} they fill
 */
public record OrderPage(List<OrderListItem> items, int page, int size, long totalItems, int totalPages) {
}
