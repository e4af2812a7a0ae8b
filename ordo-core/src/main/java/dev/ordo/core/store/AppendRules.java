package dev.ordo.core.store;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of an append that every backend applies the same way: input validation, the expected-version
 * check and idempotent retries. Stateless.
 */
public final class AppendRules {

    private AppendRules() {
    }

    /**
     * Checks an append request before anything is written.
     *
     * @throws InvalidAppendException naming the first broken rule
     */
    public static void validate(StreamId stream, ExpectedVersion expected, List<EventData> events, StoreLimits limits) {
        if (stream == null) {
            throw new InvalidAppendException("an append needs a stream id, got null");
        }
        if (expected == null) {
            throw new InvalidAppendException("an append to " + stream + " needs an expected version, got null");
        }
        if (events == null) {
            throw new InvalidAppendException("an append to " + stream + " needs a list of events, got null");
        }
        if (events.isEmpty()) {
            throw new InvalidAppendException("an append to " + stream + " needs at least one event, got none");
        }
        if (events.size() > limits.maxEventsPerAppend()) {
            throw new InvalidAppendException("an append to " + stream + " may hold at most "
                    + limits.maxEventsPerAppend() + " events, got " + events.size());
        }
        Set<UUID> ids = events.size() == 1 ? null : new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            EventData event = events.get(i);
            if (event == null) {
                throw new InvalidAppendException("event " + i + " of the append to " + stream + " is null");
            }
            if (ids != null && !ids.add(event.eventId())) {
                throw new InvalidAppendException("event id " + event.eventId() + " appears twice in the append to " + stream);
            }
            // a char takes at most 3 bytes in UTF-8 (a surrogate pair, 2 chars, takes 4): short payloads need no count
            if ((long) event.payload().length() * 3 <= limits.maxPayloadBytes()) {
                continue;
            }
            long size = utf8Length(event.payload());
            if (size > limits.maxPayloadBytes()) {
                throw new InvalidAppendException("event " + i + " ('" + event.eventType() + "') of the append to "
                        + stream + " has a payload of " + size + " bytes, over the limit of "
                        + limits.maxPayloadBytes() + " bytes");
            }
        }
    }

    /**
     * Checks the expected version against the stream's current state.
     *
     * @param current the stream's state, {@code null} when never written
     * @throws StreamDeletedException        when the stream is tombstoned
     * @throws WrongExpectedVersionException when the expectation does not hold
     */
    public static void checkExpectedVersion(StreamId stream, ExpectedVersion expected, StreamInfo current) {
        if (current != null && current.status() == StreamStatus.TOMBSTONED) {
            throw new StreamDeletedException(stream);
        }
        if (!expected.isSatisfiedBy(current)) {
            throw new WrongExpectedVersionException(stream, expected, current == null ? 0 : current.version());
        }
    }

    /**
     * Decides whether an append whose ids are partly or wholly stored is an exact retry: every id stored, in this
     * stream, in this order and contiguously, each with the request's type, schema version and payload (metadata is
     * not compared), and after the expected version when that is exact.
     *
     * @param stored the stored events among the request's ids (any order)
     * @return the original result when the request is an exact retry; empty when none of its ids is stored
     * @throws DuplicateEventIdException when some ids are stored but the request is not an exact retry
     */
    public static Optional<AppendResult> retryResult(StreamId stream, ExpectedVersion expected, List<EventData> events,
                                                     Collection<StoredEventRef> stored) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, StoredEventRef> byId = new HashMap<>();
        stored.forEach(ref -> byId.put(ref.eventId(), ref));
        List<UUID> duplicates = new ArrayList<>();
        events.forEach(e -> {
            if (byId.containsKey(e.eventId())) {
                duplicates.add(e.eventId());
            }
        });
        if (duplicates.size() < events.size()) {
            throw new DuplicateEventIdException(stream, duplicates, "the other " + (events.size() - duplicates.size())
                    + " events of the request are new, so it is not a retry of an earlier append");
        }
        StoredEventRef first = byId.get(events.getFirst().eventId());
        for (int i = 0; i < events.size(); i++) {
            StoredEventRef ref = byId.get(events.get(i).eventId());
            if (!ref.streamId().equals(stream)) {
                throw new DuplicateEventIdException(stream, duplicates, "event " + ref.eventId()
                        + " is stored in stream " + ref.streamId());
            }
            if (ref.streamVersion() != first.streamVersion() + i || ref.position() != first.position() + i) {
                throw new DuplicateEventIdException(stream, duplicates,
                        "they were stored by a different append or in a different order");
            }
        }
        for (EventData event : events) {
            String difference = contentDifference(event, byId.get(event.eventId()));
            if (difference != null) {
                throw new DuplicateEventIdException(stream, duplicates, "event " + event.eventId() + " is stored with "
                        + difference + ", so the request is not a retry of the earlier append");
            }
        }
        if (expected instanceof ExpectedVersion.Exact exact && exact.version() != first.streamVersion() - 1) {
            throw new DuplicateEventIdException(stream, duplicates, "they were appended after version "
                    + (first.streamVersion() - 1) + ", not after the expected version " + exact.version());
        }
        return Optional.of(new AppendResult(first.streamVersion() + events.size() - 1, first.position(),
                first.position() + events.size() - 1));
    }

    private static String contentDifference(EventData event, StoredEventRef stored) {
        if (!stored.eventType().equals(event.eventType())) {
            return "type '" + stored.eventType() + "' but the request has type '" + event.eventType() + "'";
        }
        if (stored.schemaVersion() != event.schemaVersion()) {
            return "schema version " + stored.schemaVersion() + " but the request has schema version "
                    + event.schemaVersion();
        }
        if (!stored.samePayload()) {
            return "another payload than the request's";
        }
        return null;
    }

    /** The number of bytes of the string in UTF-8, without encoding it. */
    public static long utf8Length(CharSequence s) {
        long bytes = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
