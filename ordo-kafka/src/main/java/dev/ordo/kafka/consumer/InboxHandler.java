package dev.ordo.kafka.consumer;

import dev.ordo.core.event.RecordedEvent;
import java.sql.Connection;

/**
 * Applies one event inside the consumer's database transaction, which also records the event in the inbox: writing
 * the effects through this connection makes them happen exactly once. Must not commit or roll back; throwing rolls
 * back the event's effects with its inbox entry.
 */
@FunctionalInterface
public interface InboxHandler {

    void apply(Connection connection, RecordedEvent event) throws Exception;
}
