package dev.ordo.marketplace.platform.live;

/**
 * One server-sent event of a live feed, made once per stored event and offered to every connection that may see it.
 *
 * @param position   the stored event's global position: the message's SSE {@code id}, from which a client resumes
 * @param event      the SSE {@code event} name ({@code order}, {@code notification})
 * @param customerId the customer the event concerns (a UUID as text), or {@code null} when it is not known: then only
 *                   operators see it
 * @param data       the SSE {@code data}: one JSON document on one line
 */
record LiveMessage(long position, String event, String customerId, String data) {
}
