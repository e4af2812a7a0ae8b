package dev.ordo.marketplace.platform.live;

import dev.ordo.core.event.RecordedEvent;
import java.util.Optional;

/**
 * What a customer is told about an event of their order, in the same words as their notifications list: supplied by
 * the notifications context where it runs, so the live notifications and the list agree.
 */
@FunctionalInterface
public interface OrderNotices {

    /**
     * @param kind    what it tells ({@code ORDER_PLACED}, {@code ORDER_SHIPPED}, ...)
     * @param message the text
     */
    record Notice(String kind, String message) {
    }

    /** The notice of an event of an {@code order} stream, empty for one the customer is not told about. */
    Optional<Notice> of(RecordedEvent orderEvent);
}
