package dev.ordo.marketplace.ordering.readmodel;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One event of an order's timeline.
 *
 * @param position      its place in the store's global order
 * @param eventId       its id
 * @param context       the bounded context that wrote it (its stream's category: order, saga, stock, payment, ...)
 * @param streamId      its stream
 * @param streamVersion its version in that stream
 * @param type          its stored type name
 * @param recordedAt    when it was written
 * @param actor         who caused it: a user (the token's subject), a saga ({@code saga:<type>}) or a process manager
 * @param correlationId the request or saga it belongs to
 * @param causationId   the command or the saga step's invocation that caused it
 * @param data          its payload
 */
public record TimelineEntry(long position, String eventId, String context, String streamId, long streamVersion,
                            String type, Instant recordedAt, String actor, String correlationId, String causationId,
                            JsonNode data) {
}
