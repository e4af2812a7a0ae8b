package dev.ordo.kafka;

import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.subscription.Backoff;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.SubscriptionStatus;
import dev.ordo.core.subscription.Subscriptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox relay: the event store is the outbox, and this publishes its global log ({@code $all}, or the events
 * its {@linkplain RelayConfig#filter() filter} selects) to Kafka.
 *
 * <p><b>What a consumer sees.</b> Each event becomes one record on the topic of its stream
 * ({@link RelayConfig#topics()}), keyed by stream id, so that a stream's events land on one partition in stream order;
 * the value is the payload and the headers are {@link RelayHeaders}. Events are published in position order, in
 * Kafka transactions of at most {@link RelayConfig#batchSize()} events, each also recording the relay's position in
 * the compacted topic {@link RelayConfig#positionTopic()}. A {@code read_committed} consumer therefore sees every
 * selected event exactly once, even across crashes of the relay at any point: a restarted relay (or a standby taking
 * over) first fences every earlier producer of the relay's {@code transactional.id} (aborting its open transaction),
 * then reads the position committed last, and continues after it. A {@code read_uncommitted} consumer may also see
 * records of aborted transactions.
 *
 * <p><b>When Kafka is down.</b> Appends to the store do not depend on Kafka and keep succeeding. The relay retries
 * with exponential backoff up to {@link RelayConfig#maxBackoff()} (each Kafka call bounded by
 * {@link RelayConfig#kafkaTimeout()}), forever: publication waits, nothing is skipped, and the lag grows
 * ({@link #status()}, and the gauges {@code ordo.relay.lag.events} and {@code ordo.relay.lag.seconds}). Once Kafka is
 * back, the relay catches up in batches. The same holds while the store cannot be read.
 *
 * <p><b>One active relay per name.</b> A relay publishes only while it holds its {@link RelayLease}; the others of the
 * same name wait as standbys and try to take the lease every {@link RelayConfig#leaseCheckInterval()}, so a standby
 * takes over within about that long once the active relay died and its lease was released. The active relay checks
 * its lease as often, and stops publishing when it lost it or was fenced in Kafka, becoming a standby again.
 *
 * <p>Metrics, tagged {@code relay=<name>}: {@code ordo.relay.lag.events}, {@code ordo.relay.lag.seconds},
 * {@code ordo.relay.active} (1 while this instance publishes), {@code ordo.relay.published},
 * {@code ordo.relay.failures}. A standby reports no lag: read it from the active instance. Thread-safe.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final RelayConfig config;
    private final EventReader reader;
    private final HeadSignal signal;
    private final RelayLease lease;
    private final Clock clock;
    private final Function<Map<String, Object>, Producer<String, byte[]>> producers;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ReentrantLock progressLock = new ReentrantLock();
    private final Condition progressed = progressLock.newCondition();
    private final Thread thread;

    private volatile RelayPublisher publisher;
    private volatile Subscription subscription;
    private volatile RelayStatus.State state = RelayStatus.State.STANDBY;
    private volatile long failures;
    private volatile long publishedBefore;
    private volatile String lastError;
    private volatile long knownPosition = -1;
    private volatile double lastAge;

    OutboxRelay(RelayConfig config, EventReader reader, HeadSignal signal, RelayLease lease, Clock clock,
                Function<Map<String, Object>, Producer<String, byte[]>> producers) {
        this.config = Objects.requireNonNull(config, "config");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.producers = producers;
        this.thread = Thread.ofVirtual().name("ordo-relay-" + config.name()).unstarted(this::run);
    }

    /**
     * Starts a relay: it waits for its lease, then publishes until closed.
     *
     * @param signal   the head signal fed by the store's commit notifications (the one the application's
     *                 subscriptions use), so that the relay wakes on commits instead of waiting for its poll interval
     * @param registry where to publish the relay's gauges, or {@code null}
     */
    public static OutboxRelay start(RelayConfig config, EventReader reader, HeadSignal signal, RelayLease lease,
                                    MeterRegistry registry) {
        OutboxRelay relay = new OutboxRelay(config, reader, signal, lease, Clock.systemUTC(),
                settings -> new KafkaProducer<>(settings));
        relay.start(registry);
        return relay;
    }

    void start(MeterRegistry registry) {
        if (registry != null) {
            RelayMetrics.register(registry, this);
        }
        thread.start();
    }

    public String name() {
        return config.name();
    }

    /**
     * The relay's state and progress now. While active, the lag counts from the last position known to be committed
     * (also while Kafka is down and no producer runs), and its age is that of the first selected event after it, read
     * from the store (the last age read when the store fails).
     */
    public RelayStatus status() {
        RelayPublisher current = publisher;
        long published = publishedBefore + (current == null ? 0 : current.published());
        long position = current == null || current.position() < 0 ? knownPosition : current.position();
        knownPosition = position;
        long head = signal.head();
        Subscription running = subscription;
        if (running != null) {
            head = Math.max(head, running.status().head());
        }
        if (state != RelayStatus.State.ACTIVE || position < 0) {
            return new RelayStatus(config.name(), state, position, head, 0, 0, published, failures, lastError);
        }
        long lag = Math.max(0, head - position);
        return new RelayStatus(config.name(), state, position, head, lag, lag == 0 ? 0 : ageAfter(position),
                published, failures, lastError);
    }

    private double ageAfter(long position) {
        try {
            List<RecordedEvent> next = reader.readAll(position + 1, 1, config.filter());
            lastAge = next.isEmpty() ? 0
                    : Math.max(0, Duration.between(next.getFirst().recordedAt(), clock.instant()).toMillis() / 1000.0);
        } catch (RuntimeException e) {
            log.debug("relay {}: could not read the age of its oldest unpublished event", config.name(), e);
        }
        return lastAge;
    }

    /**
     * Waits until this relay committed every selected event up to {@code position} to Kafka.
     *
     * @return true when it got there within the timeout; false when the timeout passed or the relay is not active
     */
    public boolean awaitPublished(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        progressLock.lock();
        try {
            while (true) {
                RelayPublisher current = publisher;
                Subscription running = subscription;
                if (current != null && current.position() >= position) {
                    return true;
                }
                if (running != null && current != null && current.position() >= 0
                        && running.awaitPosition(position, Duration.ZERO)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // the subscription also moves past filtered-out events without a page: look again now and then
                progressed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } finally {
            progressLock.unlock();
        }
    }

    private void run() {
        Backoff backoff = new Backoff(config.maxBackoff());
        while (closing.getCount() > 0) {
            try {
                if (!lease.tryAcquire()) {
                    state = RelayStatus.State.STANDBY;
                    sleep(config.leaseCheckInterval());
                    continue;
                }
                log.info("relay {} took its lease ({}) and starts publishing", config.name(), lease);
                state = RelayStatus.State.ACTIVE;
                publish();
                backoff.reset();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                failed(e);
                Duration pause = backoff.next();
                log.warn("relay {} failed (attempt {}), retrying in {} ms", config.name(), failures,
                        pause.toMillis(), e);
                // Kafka or the store failing is no reason to hand over: keep the lease and retry
                stopPublishing(e instanceof RelayFencedException || e instanceof LeaseLostException);
                try {
                    if (!sleep(pause)) {
                        break;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        stopPublishing(true);
        lease.release();
        state = RelayStatus.State.STOPPED;
    }

    /** Publishes while the lease holds, nobody fenced this relay, and it is not closed. */
    private void publish() throws InterruptedException {
        RelayPublisher current = new RelayPublisher(config, producers);
        publisher = current;
        current.open();
        startSubscription(current);
        while (closing.getCount() > 0) {
            if (current.isFenced()) {
                throw new RelayFencedException(config.name());
            }
            if (!lease.isHeld()) {
                throw new LeaseLostException("relay " + config.name() + " lost its lease (" + lease + ")");
            }
            Subscription running = subscription;
            if (running == null || running.status().state() == SubscriptionStatus.State.STOPPED) {
                // its thread was interrupted mid-page: the page's transaction was discarded, start again
                stopSubscription();
                startSubscription(current);
            }
            sleep(config.leaseCheckInterval());
        }
    }

    private void startSubscription(RelayPublisher current) {
        Subscriptions subscriptions = new Subscriptions(reader, signal, null, clock);
        SubscriptionOptions options = new SubscriptionOptions(config.filter(), config.batchSize(),
                config.pollInterval(), config.maxBackoff());
        subscription = subscriptions.start("relay:" + config.name(), new ProgressReporting(current), options);
    }

    private void stopSubscription() {
        Subscription running = subscription;
        subscription = null;
        if (running != null) {
            running.close();
        }
    }

    private void stopPublishing(boolean handOver) {
        stopSubscription();
        RelayPublisher current = publisher;
        publisher = null;
        if (current != null) {
            if (current.position() >= 0) {
                knownPosition = current.position();
            }
            publishedBefore += current.published();
            current.close();
        }
        if (handOver && state == RelayStatus.State.ACTIVE) {
            state = RelayStatus.State.STANDBY;
            lease.release();
        }
    }

    /** The lease was lost while publishing: another relay may be active now. */
    private static final class LeaseLostException extends IllegalStateException {
        LeaseLostException(String message) {
            super(message);
        }
    }

    private void failed(Throwable error) {
        failures++;
        lastError = error.toString();
    }

    private boolean sleep(Duration duration) throws InterruptedException {
        return !closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void signalProgress() {
        progressLock.lock();
        try {
            progressed.signalAll();
        } finally {
            progressLock.unlock();
        }
    }

    /**
     * Stops publishing after the transaction in flight (waiting up to about 10 seconds, then interrupting it, which
     * aborts it), closes the producer and releases the lease. Idempotent.
     */
    @Override
    public void close() {
        closing.countDown();
        try {
            if (!thread.join(Duration.ofSeconds(30))) {
                log.warn("relay {} did not stop within 30 s", config.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Feeds the publisher and wakes those waiting for progress after each page. */
    private final class ProgressReporting implements dev.ordo.core.subscription.SubscriptionConsumer {

        private final RelayPublisher target;

        ProgressReporting(RelayPublisher target) {
            this.target = target;
        }

        @Override
        public long checkpoint() {
            return target.checkpoint();
        }

        @Override
        public void handle(List<RecordedEvent> page) throws Exception {
            try {
                target.handle(page);
            } catch (Throwable e) {
                failed(e);
                throw e;
            } finally {
                signalProgress();
            }
        }
    }
}
