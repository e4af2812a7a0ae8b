package dev.ordo.core.subscription;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * For {@link PoisonPolicy#STOP_STREAM}: per stream, the subscription's open dead letters by position. A stream with
 * an open letter is blocked: its later events are held back behind the first one. Confined to the subscription's
 * thread.
 */
final class StreamBlocks {

    private final Map<String, TreeMap<Long, UUID>> open = new HashMap<>();

    boolean isBlocked(String stream) {
        return open.containsKey(stream);
    }

    void add(String stream, long position, UUID letterId) {
        open.computeIfAbsent(stream, s -> new TreeMap<>()).put(position, letterId);
    }

    /** The first open letter of a stream, or {@code null} when the stream is not blocked. */
    Map.Entry<Long, UUID> head(String stream) {
        TreeMap<Long, UUID> letters = open.get(stream);
        return letters == null ? null : letters.firstEntry();
    }

    /** Forgets a letter that is no longer open; the stream is unblocked when it was its last. */
    void remove(String stream, long position) {
        TreeMap<Long, UUID> letters = open.get(stream);
        if (letters != null) {
            letters.remove(position);
            if (letters.isEmpty()) {
                open.remove(stream);
            }
        }
    }

    /** The blocked streams. */
    List<String> streams() {
        return List.copyOf(open.keySet());
    }
}
