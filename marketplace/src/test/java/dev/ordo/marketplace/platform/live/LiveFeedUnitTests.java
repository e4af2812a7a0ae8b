package dev.ordo.marketplace.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.subscription.HeadSignal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A feed over the in-memory store with a test topic: every event of category {@code thing} is a message for the
 * customer its payload names.
 */
class LiveFeedUnitTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final HeadSignal signal = new HeadSignal();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<LiveFeed> feeds = new ArrayList<>();
    private final List<RecordingSink> stalled = new ArrayList<>();

    LiveFeedUnitTests() {
        store.onCommit(signal::advance);
    }

    @AfterEach
    void closeEverything() {
        stalled.forEach(RecordingSink::release);
        feeds.forEach(LiveFeed::close);
    }

    @Test
    void dropsAConnectionWhoseBufferIsFullWhileTheTailerKeepsServingTheOthers() {
        LiveFeed feed = started(3, Duration.ofMinutes(1));
        RecordingSink slow = stalledSink();
        RecordingSink fast = RecordingSink.reading();
        feed.open(Viewer.operator(), OptionalLong.empty(), slow);
        feed.open(Viewer.operator(), OptionalLong.empty(), fast);
        waiting().until(feed::attachedConnections, attached -> attached == 2);

        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            positions.addAll(append(ALICE, 1));
            waiting().until(fast::positions, positions::equals);
        }

        assertThat(dropped()).isEqualTo(1);
        assertThat(connections()).isEqualTo(1);
        assertThat(feed.attachedConnections()).isEqualTo(1);
        assertThat(slow.messages()).as("what the stalled client read").isEmpty();
        slow.release();
        waiting().until(slow::isCompleted);
        assertThat(slow.positions()).as("at most the one write it was in when dropped").hasSizeLessThanOrEqualTo(1);
        assertThat(dropped()).isEqualTo(1);
    }

    @Test
    void aResumedConnectionGetsEveryMessageAfterItsIdOnceAndInOrderWhileEventsKeepComing() {
        LiveFeed feed = started(10_000, Duration.ofMinutes(1));
        List<Long> before = append(ALICE, 1_200);
        long resumeAfter = before.get(99);
        CompletableFuture<List<Long>> writing = CompletableFuture.supplyAsync(() -> append(ALICE, 300));
        RecordingSink client = RecordingSink.reading();

        feed.open(Viewer.operator(), OptionalLong.of(resumeAfter), client);

        List<Long> during = writing.join();
        List<Long> expected = new ArrayList<>(before.subList(100, before.size()));
        expected.addAll(during);
        waiting().until(() -> client.positions().size() >= expected.size());
        assertThat(client.readies()).containsExactly(resumeAfter);
        assertThat(client.positions()).isEqualTo(expected);
    }

    @Test
    void withoutAnIdAConnectionStartsAtTheHeadAndAnIdBeyondItCountsAsTheHead() {
        LiveFeed feed = started(100, Duration.ofMinutes(1));
        List<Long> old = append(ALICE, 3);
        RecordingSink fresh = RecordingSink.reading();
        RecordingSink fromTheFuture = RecordingSink.reading();

        feed.open(Viewer.operator(), OptionalLong.empty(), fresh);
        feed.open(Viewer.operator(), OptionalLong.of(1_000_000), fromTheFuture);
        List<Long> fresher = append(ALICE, 2);

        waiting().until(() -> fresh.positions().size() == 2 && fromTheFuture.positions().size() == 2);
        assertThat(fresh.readies()).containsExactly(old.getLast());
        assertThat(fromTheFuture.readies()).containsExactly(old.getLast());
        assertThat(fresh.positions()).isEqualTo(fresher);
        assertThat(fromTheFuture.positions()).isEqualTo(fresher);
    }

    @Test
    void aCustomerGetsOnlyTheMessagesAboutThemAndAnOperatorAll() {
        LiveFeed feed = started(100, Duration.ofMinutes(1));
        RecordingSink alice = RecordingSink.reading();
        RecordingSink operator = RecordingSink.reading();
        feed.open(Viewer.customer(ALICE), OptionalLong.empty(), alice);
        feed.open(Viewer.operator(), OptionalLong.empty(), operator);
        waiting().until(feed::attachedConnections, attached -> attached == 2);

        List<Long> hers = append(ALICE, 2);
        List<Long> his = append(BOB, 2);

        waiting().until(() -> operator.positions().size() == 4);
        assertThat(alice.positions()).isEqualTo(hers);
        assertThat(operator.positions()).containsExactly(hers.get(0), hers.get(1), his.get(0), his.get(1));
    }

    @Test
    void writesAHeartbeatWhenIdle() {
        LiveFeed feed = started(10, Duration.ofMillis(20));
        RecordingSink client = RecordingSink.reading();

        feed.open(Viewer.operator(), OptionalLong.empty(), client);

        waiting().until(() -> client.heartbeats() >= 3);
    }

    @Test
    void forgetsAConnectionWhoseClientWentAway() {
        LiveFeed feed = started(10, Duration.ofMinutes(1));
        RecordingSink client = RecordingSink.reading();
        feed.open(Viewer.operator(), OptionalLong.empty(), client);
        waiting().until(feed::attachedConnections, attached -> attached == 1);

        client.disconnect();

        waiting().until(this::connections, open -> open == 0);
        assertThat(client.isCompleted()).isTrue();
        assertThat(dropped()).isZero();
    }

    @Test
    void closingTheFeedCompletesEveryConnectionStopsItsThreadsAndRefusesNewOnes() {
        LiveFeed feed = started(10, Duration.ofMinutes(1));
        RecordingSink first = RecordingSink.reading();
        RecordingSink second = RecordingSink.reading();
        feed.open(Viewer.operator(), OptionalLong.empty(), first);
        feed.open(Viewer.customer(ALICE), OptionalLong.empty(), second);
        waiting().until(feed::attachedConnections, attached -> attached == 2);

        feed.close();

        assertThat(first.isCompleted()).isTrue();
        assertThat(second.isCompleted()).isTrue();
        assertThat(connections()).isZero();
        assertThat(liveThreads()).isEmpty();
        RecordingSink late = RecordingSink.reading();
        feed.open(Viewer.operator(), OptionalLong.empty(), late);
        assertThat(late.isCompleted()).isTrue();
        assertThat(late.readies()).isEmpty();
    }

    @Test
    void aClosedFeedStartedAgainTailsFromTheHead() {
        LiveFeed feed = started(10, Duration.ofMinutes(1));
        feed.close();
        append(ALICE, 2);

        feed.start();
        RecordingSink client = RecordingSink.reading();
        feed.open(Viewer.operator(), OptionalLong.empty(), client);
        waiting().until(feed::attachedConnections, attached -> attached == 1);
        List<Long> fresh = append(ALICE, 1);

        waiting().until(client::positions, fresh::equals);
    }

    @Test
    void readsNoEventWhileNobodyWatchesYetALaterConnectionGetsEverythingAfterItsId() {
        AtomicInteger topicCalls = new AtomicInteger();
        LiveFeed feed = new LiveFeed(new ThingTopic() {
            @Override
            public Optional<LiveMessage> message(RecordedEvent event) {
                topicCalls.incrementAndGet();
                return super.message(event);
            }
        }, store, signal, 100, Duration.ofMinutes(1), meters);
        feeds.add(feed);
        feed.start();
        long before = store.headPosition();

        List<Long> unwatched = append(ALICE, 50);
        waiting().until(() -> feed.tailedUpTo() == store.headPosition());

        assertThat(topicCalls).as("events decoded while no connection is attached").hasValue(0);
        RecordingSink resumed = RecordingSink.reading();
        feed.open(Viewer.operator(), OptionalLong.of(before), resumed);
        List<Long> watched = append(BOB, 5);
        List<Long> all = new ArrayList<>(unwatched);
        all.addAll(watched);
        waiting().until(resumed::positions, all::equals);
    }

    private static ConditionFactory waiting() {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5));
    }

    private LiveFeed started(int buffer, Duration heartbeat) {
        LiveFeed feed = new LiveFeed(new ThingTopic(), store, signal, buffer, heartbeat, meters);
        feeds.add(feed);
        feed.start();
        return feed;
    }

    private RecordingSink stalledSink() {
        RecordingSink sink = RecordingSink.stalled();
        stalled.add(sink);
        return sink;
    }

    /** Appends events about a customer, one per commit; returns their positions. */
    private List<Long> append(String customer, int count) {
        return LongStream.range(0, count).mapToObj(i -> store.append(StreamId.of("thing", customer),
                        ExpectedVersion.any(), List.of(EventData.of("thing.happened", 1,
                                "{\"customer\":\"" + customer + "\"}", EventMetadata.empty())))
                .firstPosition()).toList();
    }

    private double dropped() {
        return meters.get("marketplace.live.dropped").tag("feed", "things").counter().count();
    }

    private double connections() {
        return meters.get("marketplace.live.connections").tag("feed", "things").gauge().value();
    }

    private static List<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("live-things")).toList();
    }

    /** Every event of category {@code thing}, for the customer its payload names. */
    private static class ThingTopic implements LiveTopic {

        @Override
        public String name() {
            return "things";
        }

        @Override
        public EventFilter filter() {
            return EventFilter.categories("thing");
        }

        @Override
        public Optional<LiveMessage> message(RecordedEvent event) {
            String customer = event.payload().contains(ALICE) ? ALICE : BOB;
            return Optional.of(new LiveMessage(event.position(), "thing", customer, event.payload()));
        }
    }
}
