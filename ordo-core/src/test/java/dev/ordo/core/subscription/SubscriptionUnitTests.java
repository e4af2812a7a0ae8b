package dev.ordo.core.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionUnitTests {

    /** Long enough that only a commit signal can explain a quick delivery. */
    private static final SubscriptionOptions PUSH_ONLY = SubscriptionOptions.defaults()
            .withPollInterval(Duration.ofHours(1)).withBatchSize(4);

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final HeadSignal signal = new HeadSignal();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Subscriptions subscriptions = new Subscriptions(store, signal, meters, Clock.systemUTC());
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    private final List<RecordedEvent> received = Collections.synchronizedList(new ArrayList<>());

    SubscriptionUnitTests() {
        store.onCommit(signal::advance);
    }

    @AfterEach
    void stop() {
        subscriptions.close();
    }

    private void append(String stream, int count) {
        List<EventData> events = IntStream.range(0, count)
                .mapToObj(i -> EventData.of("test.happened", 1, "{\"i\":" + i + "}", EventMetadata.empty())).toList();
        store.append(StreamId.of(stream), ExpectedVersion.any(), events);
    }

    private CheckpointedConsumer collecting(String name) {
        return new CheckpointedConsumer(name, checkpoints, received::addAll);
    }

    @Test
    void catchesUpFromTheStartThenReceivesNewCommitsPushed() {
        append("order-1", 10);

        subscriptions.start("reader", collecting("reader"), PUSH_ONLY);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 10);
        append("order-2", 5);

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 15);
        assertThat(received).extracting(RecordedEvent::position).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 15).mapToObj(Long::valueOf).toList());
        assertThat(checkpoints.load("reader")).isEqualTo(15);
    }

    @Test
    void resumesFromItsCheckpointAfterARestart() {
        append("order-1", 6);
        subscriptions.start("reader", collecting("reader"), PUSH_ONLY);
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 6);
        subscriptions.stop("reader");
        append("order-1", 3);
        received.clear();

        subscriptions.start("reader", collecting("reader"), PUSH_ONLY);

        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 3);
        assertThat(received).extracting(RecordedEvent::position).containsExactly(7L, 8L, 9L);
    }

    @Test
    void deliversOnlyTheEventsItsFilterSelects() throws InterruptedException {
        append("order-1", 3);
        append("cart-1", 4);
        append("order-2", 2);

        Subscription orders = subscriptions.start("orders", collecting("orders"),
                PUSH_ONLY.withFilter(EventFilter.categories("order")));

        assertThat(orders.awaitPosition(store.headPosition(), Duration.ofSeconds(10))).isTrue();
        assertThat(received).extracting(e -> e.streamId().category()).containsOnly("order").hasSize(5);
        assertThat(orders.status().lagEvents()).isZero();
    }

    @Test
    void retriesAFailingPageUntilItSucceedsWithoutSkippingAnEvent() {
        append("order-1", 5);
        AtomicInteger attempts = new AtomicInteger();
        CheckpointedConsumer flaky = new CheckpointedConsumer("flaky", checkpoints, page -> {
            if (page.stream().anyMatch(e -> e.position() == 3) && attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("database briefly unavailable");
            }
            received.addAll(page);
        });

        Subscription subscription = subscriptions.start("flaky", flaky,
                PUSH_ONLY.withMaxBackoff(Duration.ofMillis(200)));

        await().atMost(10, TimeUnit.SECONDS).until(() -> checkpoints.load("flaky") == 5);
        assertThat(received).extracting(RecordedEvent::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(subscription.status().failures()).isEqualTo(2);
        assertThat(subscription.status().lastError()).contains("database briefly unavailable");
    }

    @Test
    void survivesAnErrorThrownByItsHandlerAndRetriesThePageUntilItSucceeds() {
        append("order-1", 3);
        AtomicInteger attempts = new AtomicInteger();
        CheckpointedConsumer failing = new CheckpointedConsumer("failing", checkpoints, page -> {
            if (page.stream().anyMatch(e -> e.position() == 2) && attempts.incrementAndGet() <= 2) {
                throw new AssertionError("a bug in the handler");
            }
            received.addAll(page);
        });

        Subscription subscription = subscriptions.start("failing", failing,
                PUSH_ONLY.withMaxBackoff(Duration.ofMillis(200)));

        await().atMost(10, TimeUnit.SECONDS).until(() -> checkpoints.load("failing") == 3);
        append("order-1", 2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> checkpoints.load("failing") == 5);
        assertThat(received).extracting(RecordedEvent::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(subscription.status().failures()).isEqualTo(2);
        assertThat(subscription.status().lastError()).contains("AssertionError: a bug in the handler");
    }

    @Test
    void reportsItsLagWhileBehindAndNoneOnceCaughtUp() throws InterruptedException {
        append("order-1", 8);
        CountDownLatch release = new CountDownLatch(1);
        CheckpointedConsumer slow = new CheckpointedConsumer("slow", checkpoints, page -> {
            release.await();
            received.addAll(page);
        });

        Subscription subscription = subscriptions.start("slow", slow, PUSH_ONLY);

        await().atMost(10, TimeUnit.SECONDS).until(() -> subscription.status().lagEvents() == 8);
        assertThat(meters.get("ordo.subscription.lag.events").tag("subscription", "slow").gauge().value()).isEqualTo(8);
        release.countDown();
        assertThat(subscription.awaitPosition(8, Duration.ofSeconds(10))).isTrue();
        assertThat(subscription.status().lagEvents()).isZero();
        assertThat(subscription.status().state()).isEqualTo(SubscriptionStatus.State.LIVE);
    }

    @Test
    void itsLagInSecondsGrowsWhileItsHandlerKeepsFailing() {
        append("order-1", 2);
        MovingClock clock = new MovingClock();
        CheckpointedConsumer broken = new CheckpointedConsumer("broken", checkpoints, page -> {
            throw new IllegalStateException("the read model's table is gone");
        });
        try (Subscriptions ticking = new Subscriptions(store, signal, null, clock)) {
            Subscription subscription = ticking.start("broken", broken, PUSH_ONLY.withMaxBackoff(Duration.ofMillis(50)));
            await().atMost(10, TimeUnit.SECONDS).until(() -> subscription.status().failures() >= 1);
            double before = subscription.status().lagSeconds();

            clock.advance(Duration.ofSeconds(30));

            assertThat(subscription.status().lagSeconds()).isGreaterThanOrEqualTo(before + 30);
            assertThat(subscription.status().lagEvents()).isEqualTo(2);
        }
    }

    @Test
    void anInterruptInsideItsHandlerStopsItAndSaysSo() {
        append("order-1", 1);
        CheckpointedConsumer interrupted = new CheckpointedConsumer("interrupted", checkpoints, page -> {
            throw new InterruptedException("interrupted by the handler's own library");
        });

        Subscription subscription = subscriptions.start("interrupted", interrupted, PUSH_ONLY);

        await().atMost(10, TimeUnit.SECONDS).until(() -> subscription.status().state()
                == SubscriptionStatus.State.STOPPED);
        assertThat(subscription.status().lastError()).contains("interrupted while handling").contains("stopped");
    }

    /** A clock the test moves; it starts at the system's now, so that stored events' times are in its past. */
    private static final class MovingClock extends Clock {
        private final java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.now());

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now.get();
        }
    }

    @Test
    void awaitPositionGivesUpAtItsTimeout() throws InterruptedException {
        Subscription subscription = subscriptions.start("reader", collecting("reader"), PUSH_ONLY);

        assertThat(subscription.awaitPosition(1, Duration.ofMillis(50))).isFalse();
    }

    @Test
    void aStoppedSubscriptionReceivesNothingMore() throws InterruptedException {
        Subscription subscription = subscriptions.start("reader", collecting("reader"), PUSH_ONLY);
        subscriptions.stop("reader");

        append("order-1", 2);

        assertThat(subscription.awaitPosition(2, Duration.ofMillis(200))).isFalse();
        assertThat(received).isEmpty();
        assertThat(subscription.status().state()).isEqualTo(SubscriptionStatus.State.STOPPED);
    }

    @Test
    void pollsWhenNoSignalArrives() {
        HeadSignal silent = new HeadSignal();
        try (Subscriptions polling = new Subscriptions(store, silent, null, Clock.systemUTC())) {
            polling.start("poller", collecting("poller"), PUSH_ONLY.withPollInterval(Duration.ofMillis(20)));

            append("order-1", 3);

            await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() == 3);
        }
    }

    @Test
    void refusesTwoSubscriptionsWithTheSameName() {
        subscriptions.start("reader", collecting("reader"), PUSH_ONLY);

        assertThatThrownBy(() -> subscriptions.start("reader", collecting("reader"), PUSH_ONLY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already running");
    }
}
