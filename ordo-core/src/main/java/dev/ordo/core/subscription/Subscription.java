package dev.ordo.core.subscription;

import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.store.TransientFailures;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running subscription: a virtual thread that reads the global log after its consumer's checkpoint, hands it
 * pages in position order, and, once at the head, sleeps until the {@link HeadSignal} reports a commit or the poll
 * interval passes.
 *
 * <p>Guarantees: pages reach the consumer in position order, each event once per successful
 * {@link SubscriptionConsumer#handle}. Whatever the consumer throws, an {@link Error} included, the subscription
 * keeps running: only {@link #close()} ends it. With {@link PoisonPolicy#RETRY_FOREVER} (the default) a failing page
 * is retried with exponential backoff and never skipped, so a poison event stops the subscription until it is fixed.
 * With another {@link PoisonPolicy} the failing page is handed over one event at a time and the poison event is
 * parked in the dead-letter store under the origin {@code subscription:<name>}; the subscription delivers its letters
 * again once they are redriven, checking for due ones at least every {@value #REDRIVE_CHECK_MILLIS} ms (see
 * {@link PoisonHandler} and {@link SubscriptionRedrive}). A {@linkplain TransientFailures transient} failure (the
 * database or the network went away) is never a poison event: it is retried with backoff until the infrastructure is
 * back, and is neither counted as an attempt nor recorded as a dead letter. If the dead-letter store fails, the event
 * is retried with backoff as well. Thread-safe.
 */
public final class Subscription implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Subscription.class);
    static final long REDRIVE_CHECK_MILLIS = 1_000;
    private static final Duration REDRIVE_CHECK = Duration.ofMillis(REDRIVE_CHECK_MILLIS);

    private final String name;
    private final EventReader reader;
    private final SubscriptionConsumer consumer;
    private final SubscriptionOptions options;
    private final HeadSignal signal;
    private final Clock clock;
    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();
    private final Thread thread;
    private final PoisonHandler poison;
    private final SubscriptionRedrive redrive;

    private volatile boolean running = true;
    private volatile SubscriptionStatus.State state = SubscriptionStatus.State.CATCHING_UP;
    private volatile long head;
    private volatile long scannedUpTo;
    private volatile double lagSeconds;
    /** When the oldest event of the page in hand was recorded, while it is not handled yet; else {@code null}. */
    private volatile Instant oldestPending;
    private volatile long failures;
    private volatile String lastError;
    private volatile Instant lastActivity;
    private long nextRedriveNanos;

    /**
     * @param registry where the dead-letter alarm counts parked events, or {@code null}
     */
    Subscription(String name, EventReader reader, SubscriptionConsumer consumer, SubscriptionOptions options,
                 HeadSignal signal, Clock clock, MeterRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.options = Objects.requireNonNull(options, "options");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastActivity = clock.instant();
        this.nextRedriveNanos = System.nanoTime();
        this.thread = Thread.ofVirtual().name("ordo-subscription-" + name).unstarted(this::run);
        if (options.parksPoisonEvents()) {
            Origin origin = Origin.subscription(name);
            DeadLetterRecorder recorder = new DeadLetterRecorder(options.deadLetters(), options.deadLetterPolicy(),
                    registry);
            StreamBlocks blocks = options.poisonPolicy() == PoisonPolicy.STOP_STREAM ? new StreamBlocks() : null;
            this.poison = new PoisonHandler(origin, consumer, recorder, blocks, clock, this::pause, this::failed,
                    options.maxBackoff());
            this.redrive = new SubscriptionRedrive(origin, reader, consumer, recorder, blocks, clock,
                    options.batchSize());
        } else {
            this.poison = null;
            this.redrive = null;
        }
    }

    void start() {
        thread.start();
    }

    public String name() {
        return name;
    }

    /** The subscription's progress now. */
    public SubscriptionStatus status() {
        long checkpoint = consumer.checkpoint();
        long done = Math.max(checkpoint, scannedUpTo);
        long currentHead = Math.max(head, signal.head());
        long lag = Math.max(0, currentHead - done);
        Instant pending = oldestPending;
        // a page in hand (being handled, or failing again and again) ages from its oldest event
        double seconds = lag == 0 ? 0 : pending != null
                ? Math.max(0, Duration.between(pending, clock.instant()).toMillis() / 1000.0) : lagSeconds;
        return new SubscriptionStatus(name, running ? state : SubscriptionStatus.State.STOPPED, checkpoint, currentHead,
                lag, seconds, failures, lastError, lastActivity);
    }

    /**
     * Waits until the subscription has handled (or skipped as filtered out) every position up to
     * {@code position}.
     *
     * @return true when it got there within the timeout
     */
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        progressLock.lock();
        try {
            while (Math.max(consumer.checkpoint(), scannedUpTo) < position) {
                if (nanos <= 0 || !running) {
                    return false;
                }
                nanos = progressed.awaitNanos(nanos);
            }
            return true;
        } finally {
            progressLock.unlock();
        }
    }

    private void run() {
        Backoff backoff = new Backoff(options.maxBackoff());
        boolean pollHead = true;
        boolean loaded = poison == null;
        while (running) {
            try {
                if (!loaded) {
                    poison.load(consumer.checkpoint());
                    loaded = true;
                }
                long knownHead = signal.head();
                if (pollHead || knownHead < head) {
                    knownHead = reader.headPosition();
                    signal.advance(knownHead);
                }
                head = Math.max(head, knownHead);
                long passed = Math.max(consumer.checkpoint(), scannedUpTo);
                redriveWhenDue(passed);
                List<RecordedEvent> page = reader.readAll(passed + 1, options.batchSize(), options.filter());
                if (page.isEmpty()) {
                    caughtUp(knownHead);
                    long before = knownHead;
                    pollHead = signal.awaitBeyond(before, idleWait()) <= before;
                    continue;
                }
                state = page.getLast().position() < knownHead ? SubscriptionStatus.State.CATCHING_UP
                        : SubscriptionStatus.State.LIVE;
                oldestPending = page.getFirst().recordedAt();
                if (poison == null) {
                    consumer.handle(page);
                } else {
                    poison.deliver(page);
                }
                handled(page);
                pollHead = false;
                backoff.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (running) {
                    // not close(): something interrupted the handler; say so instead of vanishing
                    lastError = "interrupted while handling a page: stopped (" + e.getMessage() + ")";
                    log.warn("subscription {} was interrupted while handling a page and stopped", name, e);
                }
                break;
            } catch (Throwable e) {
                // whatever a handler throws, an Error included, is one more failed attempt: only close() stops us
                if (!running) {
                    break;
                }
                failed(e);
                Duration pause = backoff.next();
                log.warn("subscription {} failed (attempt {}{}), retrying in {} ms", name, failures,
                        TransientFailures.isTransient(e) ? ", transient" : "", pause.toMillis(), e);
                if (!pause(pause)) {
                    break;
                }
                pollHead = true;
            }
        }
        state = SubscriptionStatus.State.STOPPED;
        signalProgress();
    }

    private void failed(Throwable error) {
        failures++;
        lastError = error.toString();
        state = SubscriptionStatus.State.RETRYING;
    }

    private void redriveWhenDue(long passed) {
        if (redrive != null && System.nanoTime() - nextRedriveNanos >= 0) {
            redrive.run(passed);
            nextRedriveNanos = System.nanoTime() + REDRIVE_CHECK.toNanos();
        }
    }

    private Duration idleWait() {
        return redrive == null || options.pollInterval().compareTo(REDRIVE_CHECK) < 0 ? options.pollInterval()
                : REDRIVE_CHECK;
    }

    private void caughtUp(long knownHead) {
        scannedUpTo = Math.max(scannedUpTo, knownHead);
        state = SubscriptionStatus.State.LIVE;
        lagSeconds = 0;
        oldestPending = null;
        lastActivity = clock.instant();
        signalProgress();
    }

    private void handled(List<RecordedEvent> page) {
        RecordedEvent last = page.getLast();
        scannedUpTo = Math.max(scannedUpTo, last.position());
        head = Math.max(head, last.position());
        lagSeconds = page.size() < options.batchSize() ? 0
                : Math.max(0, Duration.between(last.recordedAt(), clock.instant()).toMillis() / 1000.0);
        oldestPending = null;
        lastActivity = clock.instant();
        signalProgress();
    }

    private void signalProgress() {
        progressLock.lock();
        try {
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    private boolean pause(Duration duration) {
        try {
            long until = System.nanoTime() + duration.toNanos();
            while (running && System.nanoTime() < until) {
                signal.awaitBeyond(Long.MAX_VALUE, Duration.ofNanos(Math.min(until - System.nanoTime(),
                        TimeUnit.MILLISECONDS.toNanos(200))));
            }
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the subscription after the page it is handling, waiting up to 10 seconds. Idempotent. */
    @Override
    public void close() {
        running = false;
        signal.wakeAll();
        try {
            if (!thread.join(Duration.ofSeconds(10))) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
