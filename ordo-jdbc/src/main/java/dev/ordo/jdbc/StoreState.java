package dev.ordo.jdbc;

import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.StoredEventRef;
import dev.ordo.core.store.StreamInfo;
import java.util.Map;
import java.util.UUID;

/**
 * What the writer read before planning a batch: the head, and the state of the streams (and, when looked up, the
 * already stored event ids) that the batch touches.
 *
 * @param head      the last assigned global position
 * @param revision  the head row's revision, bumped by every write
 * @param streams   the state of the batch's streams that exist
 * @param storedIds the batch's event ids already stored, compared with the content of the request that holds them;
 *                  {@code null} when they were not looked up (they are looked up for one request at a time, on the
 *                  slow path, so each id belongs to one request)
 */
record StoreState(long head, long revision, Map<StreamId, StreamInfo> streams, Map<UUID, StoredEventRef> storedIds) {
}
