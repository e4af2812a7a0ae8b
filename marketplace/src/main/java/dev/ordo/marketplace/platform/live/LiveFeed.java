package dev.ordo.marketplace.platform.live;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.subscription.HeadSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live feed ({@link LiveTopic}) and its open connections.
 *
 * <p>One shared tailer thread per feed reads the store whenever the {@link HeadSignal} says something was committed
 * (and every second without a signal) and offers each new message to the mailbox of every attached connection whose
 * viewer may see it; while no connection is attached it only follows the head, reading no event. Offering never waits: a connection whose mailbox is full is dropped on the spot (closed, counted
 * in {@code marketplace.live.dropped}); its client reconnects with its last event id and catches up from the store.
 * So no client, however slow, holds up the tailer or the other clients, and none holds more than its buffer. Each
 * connection writes from its own thread ({@link LiveConnection}), which also does the connection's catch-up reads; a
 * dropped connection's response ends as soon as the write it may be in returns, or fails (for a client that reads
 * nothing at all, when the server's write timeout runs out).
 *
 * <p>Metrics, tagged {@code feed}: {@code marketplace.live.connections} (open connections) and
 * {@code marketplace.live.dropped} (connections dropped for a full buffer). Thread-safe.
 */
final class LiveFeed implements AutoCloseable {

    /** The most events one read of the store returns. */
    static final int PAGE = 500;
    /** How long the tailer waits for a commit signal before it reads anyway (another process may have committed). */
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    /**
     * A page of the feed read from the store.
     *
     * @param messages  the feed's messages in position order, for every viewer
     * @param scanned   every event of the feed up to this position is in this page or an earlier one
     * @param caughtUp  true when the read reached the store's head (as it was just before the read)
     */
    record Batch(List<LiveMessage> messages, long scanned, boolean caughtUp) {
    }

    private final LiveTopic topic;
    private final EventReader reader;
    private final HeadSignal signal;
    private final int buffer;
    private final Duration heartbeat;
    private final Counter dropped;
    private final AtomicInteger open = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    /** Every open connection, catching up or attached; guarded by {@link #lock}. */
    private final Set<LiveConnection> connections = new LinkedHashSet<>();
    /** The connections the tailer offers messages to; guarded by {@link #lock}. */
    private final Set<LiveConnection> attached = new LinkedHashSet<>();
    /** Up to where the tailer has offered messages; guarded by {@link #lock}. */
    private long position;
    /** Written under {@link #lock}. */
    private volatile boolean running;
    private Thread tailer;

    /**
     * @param buffer    how many messages may wait for one connection
     * @param heartbeat how long a connection may stay silent before a heartbeat is written
     */
    LiveFeed(LiveTopic topic, EventReader reader, HeadSignal signal, int buffer, Duration heartbeat,
             MeterRegistry meters) {
        this.topic = topic;
        this.reader = reader;
        this.signal = signal;
        this.buffer = buffer;
        this.heartbeat = heartbeat;
        this.dropped = Counter.builder("marketplace.live.dropped").tag("feed", topic.name())
                .description("live connections closed because their client did not keep up").register(meters);
        Gauge.builder("marketplace.live.connections", open, AtomicInteger::get).tag("feed", topic.name())
                .description("open live connections").register(meters);
    }

    String name() {
        return topic.name();
    }

    /** True from {@link #start()} to {@link #close()}. */
    boolean isRunning() {
        return running;
    }

    /** Starts tailing from the store's head; does nothing on a running feed. A closed feed may be started again. */
    void start() {
        lock.lock();
        try {
            if (running) {
                return;
            }
            position = reader.headPosition();
            running = true;
            tailer = Thread.ofPlatform().daemon().name("live-" + name() + "-tailer").start(this::tail);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Opens a connection and returns at once; the connection writes from its own thread. It starts after
     * {@code lastEventId}, or after the store's head when there is none; an id beyond the head counts as the head.
     * On a feed that is not running, the sink is completed at once and nothing is written.
     */
    void open(Viewer viewer, OptionalLong lastEventId, LiveSink sink) {
        long head = reader.headPosition();
        long after = Math.max(0, Math.min(lastEventId.orElse(head), head));
        LiveConnection connection = new LiveConnection(this, viewer, after, sink, new Mailbox<>(buffer), heartbeat);
        boolean accepted;
        lock.lock();
        try {
            accepted = running;
            if (accepted) {
                connections.add(connection);
                open.set(connections.size());
            }
        } finally {
            lock.unlock();
        }
        if (accepted) {
            connection.start();
        } else {
            sink.complete();
        }
    }

    /**
     * Reads the feed's next page after a position, for the tailer and for connections catching up.
     *
     * @throws RuntimeException what the store throws
     */
    Batch read(long after) {
        long head = reader.headPosition();
        List<RecordedEvent> events = reader.readAll(after + 1, PAGE, topic.filter());
        List<LiveMessage> messages = new ArrayList<>(events.size());
        for (RecordedEvent event : events) {
            topic.message(event).ifPresent(messages::add);
        }
        if (events.size() == PAGE) {
            return new Batch(messages, events.getLast().position(), false);
        }
        long last = events.isEmpty() ? after : events.getLast().position();
        return new Batch(messages, Math.max(last, head), true);
    }

    /** From now on the tailer offers the connection every message after its position at this moment. */
    void attach(LiveConnection connection) {
        lock.lock();
        try {
            if (connections.contains(connection)) {
                attached.add(connection);
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many connections the tailer offers messages to (for tests and diagnostics). */
    int attachedConnections() {
        lock.lock();
        try {
            return attached.size();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a connection that ended. */
    void detach(LiveConnection connection) {
        lock.lock();
        try {
            connections.remove(connection);
            attached.remove(connection);
            open.set(connections.size());
        } finally {
            lock.unlock();
        }
    }

    /** Stops the tailer, closes every connection (completing its response) and waits a few seconds for them to end. */
    @Override
    public void close() {
        List<LiveConnection> closing;
        lock.lock();
        try {
            running = false;
            closing = List.copyOf(connections);
        } finally {
            lock.unlock();
        }
        signal.wakeAll();
        closing.forEach(LiveConnection::close);
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            if (tailer != null && !tailer.join(STOP_WAIT)) {
                tailer.interrupt();
            }
            for (LiveConnection connection : closing) {
                connection.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tail() {
        long at = tailedUpTo();
        while (running) {
            try {
                long skipped = skipWhileUnwatched();
                if (skipped >= 0) {
                    at = skipped;
                    signal.awaitBeyond(at, IDLE_POLL);
                    continue;
                }
                Batch batch = read(at);
                offer(batch);
                at = batch.scanned();
                if (batch.caughtUp()) {
                    signal.awaitBeyond(at, IDLE_POLL);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("live feed {} cannot read the store; retrying in {} ms", name(), RETRY.toMillis(), e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    /**
     * With no connection attached, moves the tailer to the store's head without reading the events it passes (nobody
     * would see them, and decoding every event costs each command CPU); returns the new position, or -1 when a
     * connection is attached. The head is read under the lock {@link #attach} takes: a connection attaches either
     * before (and the tailer reads for it) or after, and then its own catch-up, which follows its attach, reads up to
     * a head at least as far.
     */
    private long skipWhileUnwatched() {
        lock.lock();
        try {
            if (!attached.isEmpty()) {
                return -1;
            }
            position = reader.headPosition();
            return position;
        } finally {
            lock.unlock();
        }
    }

    /** Up to where the tailer has gone (for tests and diagnostics). */
    long tailedUpTo() {
        lock.lock();
        try {
            return position;
        } finally {
            lock.unlock();
        }
    }

    /** Offers the page to the attached connections, dropping each whose mailbox is full. */
    private void offer(Batch batch) {
        lock.lock();
        try {
            List<LiveConnection> full = new ArrayList<>();
            for (LiveMessage message : batch.messages()) {
                for (LiveConnection connection : attached) {
                    if (connection.viewer().sees(message) && !connection.offer(message) && connection.close()) {
                        full.add(connection);
                    }
                }
            }
            position = batch.scanned();
            for (LiveConnection connection : full) {
                attached.remove(connection);
                connections.remove(connection);
                dropped.increment();
                log.debug("live feed {} dropped a client that did not keep up", name());
            }
            open.set(connections.size());
        } finally {
            lock.unlock();
        }
    }

    /** Waits before the next attempt; false when interrupted. */
    private boolean pause() {
        try {
            signal.awaitBeyond(Long.MAX_VALUE, RETRY);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
