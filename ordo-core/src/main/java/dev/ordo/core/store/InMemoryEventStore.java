package dev.ordo.core.store;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.LongConsumer;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventStore} in memory, for unit tests and examples. It passes the same contract suite as the
 * durable stores. Thread-safe: appends are serialized, reads run in parallel.
 */
public final class InMemoryEventStore implements EventStore, CommitNotifier {

    private static final Logger logger = LoggerFactory.getLogger(InMemoryEventStore.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<RecordedEvent> log = new ArrayList<>();
    private final Map<StreamId, Stream> streams = new HashMap<>();
    private final Map<UUID, RecordedEvent> byId = new HashMap<>();
    private final StoreLimits limits;
    private final Clock clock;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private static final class Stream {
        final List<RecordedEvent> events = new ArrayList<>();
        StreamStatus status = StreamStatus.ACTIVE;
        long truncatedBefore = 1;

        long version() {
            return events.isEmpty() ? 0 : events.getLast().streamVersion();
        }

        StreamInfo info(StreamId id) {
            return new StreamInfo(id, version(), status, truncatedBefore);
        }
    }

    public InMemoryEventStore() {
        this(StoreLimits.defaults(), Clock.systemUTC());
    }

    public InMemoryEventStore(StoreLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void onCommit(LongConsumer listener) {
        listeners.add(listener);
    }

    @Override
    public AppendResult append(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        AppendResult result = write(stream, expected, events);
        for (LongConsumer listener : listeners) {
            try {
                listener.accept(result.lastPosition());
            } catch (RuntimeException e) {
                // the events are written: a failing listener must not make the caller believe otherwise
                logger.warn("a commit listener failed", e);
            }
        }
        return result;
    }

    private AppendResult write(StreamId stream, ExpectedVersion expected, List<EventData> events) {
        AppendRules.validate(stream, expected, events, limits);
        lock.writeLock().lock();
        try {
            ensureOpen();
            List<StoredEventRef> stored = new ArrayList<>();
            for (EventData event : events) {
                RecordedEvent existing = byId.get(event.eventId());
                if (existing != null) {
                    stored.add(new StoredEventRef(existing.eventId(), existing.streamId(), existing.streamVersion(),
                            existing.position(), existing.eventType(), existing.schemaVersion(),
                            existing.payload().equals(event.payload())));
                }
            }
            Optional<AppendResult> retry = AppendRules.retryResult(stream, expected, events, stored);
            if (retry.isPresent()) {
                return retry.get();
            }
            Stream current = streams.get(stream);
            AppendRules.checkExpectedVersion(stream, expected, current == null ? null : current.info(stream));
            if (current == null) {
                current = new Stream();
                streams.put(stream, current);
            }
            current.status = StreamStatus.ACTIVE;
            long version = current.version();
            long first = log.size() + 1L;
            var now = clock.instant();
            for (EventData event : events) {
                RecordedEvent recorded = new RecordedEvent(event.eventId(), stream, ++version, log.size() + 1L,
                        event.eventType(), event.schemaVersion(), event.payload(), event.metadata(), now);
                log.add(recorded);
                current.events.add(recorded);
                byId.put(recorded.eventId(), recorded);
            }
            return new AppendResult(version, first, log.size());
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<RecordedEvent> readStream(StreamId stream, ReadDirection direction, long fromVersion, int limit) {
        ReadRules.checkStreamRead(stream, direction, fromVersion, limit);
        lock.readLock().lock();
        try {
            ensureOpen();
            Stream current = streams.get(stream);
            if (current == null) {
                return List.of();
            }
            if (current.status == StreamStatus.TOMBSTONED) {
                throw new StreamDeletedException(stream);
            }
            long lowest = Math.max(current.truncatedBefore, 1);
            List<RecordedEvent> result = new ArrayList<>();
            if (direction == ReadDirection.FORWARDS) {
                for (long v = Math.max(fromVersion, lowest); v <= current.version() && result.size() < limit; v++) {
                    result.add(current.events.get((int) v - 1));
                }
            } else {
                for (long v = Math.min(fromVersion, current.version()); v >= lowest && result.size() < limit; v--) {
                    result.add(current.events.get((int) v - 1));
                }
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<RecordedEvent> readAll(long fromPosition, int limit, EventFilter filter) {
        ReadRules.checkAllRead(fromPosition, limit, filter);
        lock.readLock().lock();
        try {
            ensureOpen();
            List<RecordedEvent> result = new ArrayList<>();
            for (long p = Math.max(fromPosition, 1); p <= log.size() && result.size() < limit; p++) {
                RecordedEvent event = log.get((int) p - 1);
                if (filter.matches(event)) {
                    result.add(event);
                }
            }
            return result;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<StreamInfo> streamInfo(StreamId stream) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return Optional.ofNullable(streams.get(stream)).map(s -> s.info(stream));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long headPosition() {
        lock.readLock().lock();
        try {
            ensureOpen();
            return log.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void softDelete(StreamId stream, ExpectedVersion expected) {
        changeStream(stream, expected, false, current -> {
            current.status = StreamStatus.SOFT_DELETED;
            current.truncatedBefore = current.version() + 1;
        });
    }

    @Override
    public void tombstone(StreamId stream, ExpectedVersion expected) {
        changeStream(stream, expected, true, current -> current.status = StreamStatus.TOMBSTONED);
    }

    @Override
    public void truncateBefore(StreamId stream, long beforeVersion) {
        if (beforeVersion < 1) {
            throw new IllegalArgumentException("truncation point must be 1 or more, was " + beforeVersion);
        }
        changeStream(stream, ExpectedVersion.any(), false,
                current -> current.truncatedBefore = Math.max(current.truncatedBefore, beforeVersion));
    }

    private void changeStream(StreamId stream, ExpectedVersion expected, boolean createIfMissing,
                              Consumer<Stream> change) {
        if (stream == null || expected == null) {
            throw new IllegalArgumentException("a stream id and an expected version are required");
        }
        lock.writeLock().lock();
        try {
            ensureOpen();
            Stream current = streams.get(stream);
            AppendRules.checkExpectedVersion(stream, expected, current == null ? null : current.info(stream));
            if (current == null) {
                if (!createIfMissing) {
                    return;
                }
                current = new Stream();
                streams.put(stream, current);
            }
            change.accept(current);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void ensureOpen() {
        if (closed) {
            throw EventStoreUnavailableException.notWritten("the in-memory event store is closed", null);
        }
    }
}
