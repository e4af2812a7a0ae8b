package dev.ordo.marketplace.platform.live;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link LiveSink} that records what is written to it. A gated one is a client that stops reading: every send waits
 * until {@link #release()} (a write to a client whose socket buffer is full blocks the same way). Thread-safe.
 */
final class RecordingSink implements LiveSink {

    private final CountDownLatch gate;
    private final List<LiveMessage> messages = new CopyOnWriteArrayList<>();
    private final List<Long> readies = new CopyOnWriteArrayList<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger sendsStarted = new AtomicInteger();
    private final CountDownLatch completed = new CountDownLatch(1);
    private volatile Runnable onEnd = () -> { };

    private RecordingSink(CountDownLatch gate) {
        this.gate = gate;
    }

    /** A client that reads everything at once. */
    static RecordingSink reading() {
        return new RecordingSink(new CountDownLatch(0));
    }

    /** A client that reads nothing until released. */
    static RecordingSink stalled() {
        return new RecordingSink(new CountDownLatch(1));
    }

    @Override
    public void ready(long position) {
        readies.add(position);
    }

    @Override
    public void send(LiveMessage message) throws IOException {
        sendsStarted.incrementAndGet();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        messages.add(message);
    }

    @Override
    public void heartbeat() {
        heartbeats.incrementAndGet();
    }

    @Override
    public void complete() {
        completed.countDown();
        onEnd.run();
    }

    @Override
    public void onEnd(Runnable callback) {
        onEnd = callback;
    }

    /** Lets a stalled client read again. */
    void release() {
        gate.countDown();
    }

    /** The client goes away, as a container reports it. */
    void disconnect() {
        onEnd.run();
    }

    List<Long> positions() {
        return messages.stream().map(LiveMessage::position).toList();
    }

    List<LiveMessage> messages() {
        return messages;
    }

    List<Long> readies() {
        return readies;
    }

    int heartbeats() {
        return heartbeats.get();
    }

    int sendsStarted() {
        return sendsStarted.get();
    }

    boolean isCompleted() {
        return completed.getCount() == 0;
    }
}
