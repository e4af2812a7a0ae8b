package dev.ordo.marketplace.platform.live;

import java.util.Objects;

/**
 * Who watches a live feed, and so which messages their connection gets: an operator everything, a customer the
 * messages that concern them.
 *
 * @param everything true for an operator
 * @param customerId the customer watching (a UUID as text), {@code null} for an operator
 */
record Viewer(boolean everything, String customerId) {

    Viewer {
        if (!everything) {
            Objects.requireNonNull(customerId, "a customer viewer needs a customer id");
        }
    }

    /** An operator: every message. */
    static Viewer operator() {
        return new Viewer(true, null);
    }

    /** A customer: the messages about them only. */
    static Viewer customer(String customerId) {
        return new Viewer(false, customerId);
    }

    /** True when this viewer may see the message; a message whose customer is unknown is for operators only. */
    boolean sees(LiveMessage message) {
        return everything || customerId.equalsIgnoreCase(message.customerId());
    }
}
