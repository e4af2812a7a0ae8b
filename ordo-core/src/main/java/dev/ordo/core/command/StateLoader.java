package dev.ordo.core.command;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.Snapshot;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.store.StreamInfo;
import dev.ordo.core.store.StreamStatus;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds a stream's events into its decider state, starting from the latest valid snapshot when there is one.
 *
 * <p>A snapshot is used only when its schema version equals the codec's, the stream is active, has reached the
 * snapshot's version, and is not truncated beyond it (which would leave a gap), and when it can be decoded; otherwise it
 * is ignored and the state is rebuilt from the events. A stream's history
 * is its visible events: after a truncation (or a soft delete and a revival), a fold without a snapshot starts
 * from the initial state at the first visible event, as EventStoreDB does.
 *
 * <p>With a state cache (see {@link CommandHandler.Builder#cacheStates}), {@link #load} starts from the remembered
 * fold of the stream instead, under the same conditions as a snapshot and only while the stream has not been
 * truncated since, and folds the events after it up to the head it read (none, when the stream has not moved).
 * Thread-safe.
 *
 * @param <S> the state type
 * @param <E> the event type
 */
public final class StateLoader<S, E> {

    private static final Logger log = LoggerFactory.getLogger(StateLoader.class);
    static final int PAGE = 1_000;

    private final Decider<?, S, E> decider;
    private final EventReader reader;
    private final EventSerializer serializer;
    private final Class<E> eventType;
    private final SnapshotStore snapshots;
    private final StateCodec<S> codec;
    private final StateCache<S> cache;

    /**
     * @param snapshots may be {@code null} (with {@code codec}) to always fold from the first event
     */
    public StateLoader(Decider<?, S, E> decider, EventReader reader, EventSerializer serializer, Class<E> eventType,
                       SnapshotStore snapshots, StateCodec<S> codec) {
        this(decider, reader, serializer, eventType, snapshots, codec, null);
    }

    StateLoader(Decider<?, S, E> decider, EventReader reader, EventSerializer serializer, Class<E> eventType,
                SnapshotStore snapshots, StateCodec<S> codec, StateCache<S> cache) {
        if ((snapshots == null) != (codec == null)) {
            throw new IllegalArgumentException("a snapshot store needs a state codec and the other way round");
        }
        this.decider = decider;
        this.reader = reader;
        this.serializer = serializer;
        this.eventType = eventType;
        this.snapshots = snapshots;
        this.codec = codec;
        this.cache = cache;
    }

    /** The current state of the stream. */
    public Loaded<S> load(StreamId stream) {
        if (cache == null) {
            return fold(stream, Long.MAX_VALUE);
        }
        Optional<StreamInfo> info = reader.streamInfo(stream);
        StateCache.Fold<S> hit = cache.get(stream);
        Loaded<S> loaded;
        if (hit != null && info.isPresent() && info.get().status() == StreamStatus.ACTIVE
                && info.get().truncatedBefore() == hit.truncatedBefore()
                && info.get().version() >= hit.loaded().version()) {
            Loaded<S> from = hit.loaded();
            // up to the head just read: a stream that has not moved since is not read at all
            loaded = foldFrom(stream, from.state(), from.version(), info.get().version(), from.eventsRead(),
                    from.fromSnapshot());
        } else {
            loaded = fold(stream, Long.MAX_VALUE);
        }
        if (info.isPresent() && info.get().status() == StreamStatus.ACTIVE) {
            cache.put(loaded, info.get().truncatedBefore());
        }
        return loaded;
    }

    /** Remembers the state after an append of this process, when the stream's fold is remembered already. */
    void remember(Loaded<S> loaded) {
        if (cache != null) {
            cache.advance(loaded);
        }
    }

    /**
     * The state of the stream as it was right after the event with the given version.
     *
     * @return empty when the stream has not reached that version, or the version is hidden by truncation
     * @throws IllegalArgumentException when the version is less than 1
     */
    public Optional<Loaded<S>> loadAt(StreamId stream, long version) {
        if (version < 1) {
            throw new IllegalArgumentException("a stream's versions start at 1, asked for " + version);
        }
        Loaded<S> loaded = fold(stream, version);
        return loaded.version() == version ? Optional.of(loaded) : Optional.empty();
    }

    private Loaded<S> fold(StreamId stream, long upTo) {
        Optional<Snapshot> snapshot = usableSnapshot(stream, upTo);
        if (snapshot.isPresent()) {
            try {
                S state = codec.decode(snapshot.get().state());
                return foldFrom(stream, state, snapshot.get().version(), upTo, 0, true);
            } catch (RuntimeException unreadable) {
                // a snapshot is derived data: one that cannot be read (corrupt, or written by other code) is rebuilt
                log.warn("ignoring snapshot of {} at version {}: it cannot be decoded ({}); folding the events",
                        stream, snapshot.get().version(), unreadable.toString());
            }
        }
        return foldFrom(stream, decider.initialState(), 0, upTo, 0, false);
    }

    /** Folds the events after {@code version} into {@code state}, up to {@code upTo}. */
    private Loaded<S> foldFrom(StreamId stream, S state, long version, long upTo, long read, boolean fromSnapshot) {
        while (version < upTo) {
            List<RecordedEvent> page = reader.readStreamForwards(stream, version + 1, (int) Math.min(PAGE, upTo - version));
            if (page.isEmpty()) {
                break;
            }
            for (RecordedEvent recorded : page) {
                if (recorded.streamVersion() > upTo) {
                    return new Loaded<>(stream, state, version, read, fromSnapshot);
                }
                read++;
                state = decider.evolve(state, serializer.envelope(recorded, eventType).event());
                version = recorded.streamVersion();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (version == 0 && upTo == Long.MAX_VALUE) {
            // no visible event: the stream may still have a version (all of it truncated or soft-deleted), and the
            // next append must continue from it
            version = reader.streamInfo(stream).map(StreamInfo::version).orElse(0L);
        }
        return new Loaded<>(stream, state, version, read, fromSnapshot);
    }

    private Optional<Snapshot> usableSnapshot(StreamId stream, long upTo) {
        if (snapshots == null) {
            return Optional.empty();
        }
        Optional<Snapshot> found = snapshots.load(stream);
        if (found.isEmpty()) {
            return found;
        }
        Snapshot snapshot = found.get();
        if (snapshot.schemaVersion() != codec.schemaVersion()) {
            log.debug("ignoring snapshot of {} at version {}: schema version {} is stale (current {})",
                    stream, snapshot.version(), snapshot.schemaVersion(), codec.schemaVersion());
            return Optional.empty();
        }
        if (snapshot.version() > upTo) {
            return Optional.empty();
        }
        Optional<StreamInfo> info = reader.streamInfo(stream);
        if (info.isEmpty() || info.get().status() != StreamStatus.ACTIVE || info.get().version() < snapshot.version()
                || snapshot.version() + 1 < info.get().truncatedBefore()) {
            log.debug("ignoring snapshot of {} at version {}: the stream is {}", stream, snapshot.version(), info);
            return Optional.empty();
        }
        return found;
    }
}
