package dev.ordo.core.store;

import dev.ordo.core.event.StreamId;
import java.util.List;
import java.util.UUID;

/**
 * Some event ids of an append are already stored, but the append is not an exact retry of the earlier one (other
 * ids, another stream, another order, or an event with the same id but another type, schema version or payload); nothing
 * was written. The message names the ids and what differs.
 */
public final class DuplicateEventIdException extends EventStoreException {

    private final StreamId streamId;
    private final List<UUID> duplicateIds;

    public DuplicateEventIdException(StreamId streamId, List<UUID> duplicateIds, String reason) {
        super("append to stream " + streamId + " reuses stored event ids " + duplicateIds + " but " + reason);
        this.streamId = streamId;
        this.duplicateIds = List.copyOf(duplicateIds);
    }

    public StreamId streamId() {
        return streamId;
    }

    public List<UUID> duplicateIds() {
        return duplicateIds;
    }
}
