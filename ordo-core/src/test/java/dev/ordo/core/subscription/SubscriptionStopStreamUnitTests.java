package dev.ordo.core.subscription;

import static dev.ordo.core.subscription.PoisonFixture.FAST;
import static dev.ordo.core.subscription.PoisonFixture.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.event.RecordedEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionStopStreamUnitTests {

    private final PoisonFixture f = new PoisonFixture();
    private List<RecordedEvent> events;
    private RecordedEvent poison;

    /**
     * Positions 1-7 alternate between order-1 and order-2; order-1's second event (position 3) is poison, so
     * order-1's positions 5 and 7 are held back behind it.
     */
    @BeforeEach
    void poisonTheSecondEventOfOrder1() {
        events = f.append("order-1", "order-2", "order-1", "order-2", "order-1", "order-2", "order-1");
        poison = events.get(2);
        f.poison.add(poison.eventId());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Subscription startAndAwaitTheBlock() throws InterruptedException {
        Subscription subscription = f.start(PoisonPolicy.STOP_STREAM);
        assertThat(subscription.awaitPosition(7, Duration.ofSeconds(10))).isTrue();
        return subscription;
    }

    private void awaitResolved(RecordedEvent... expected) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> List.of(expected).stream()
                .allMatch(e -> f.letterOf(e).status() == DeadLetterStatus.RESOLVED));
    }

    @Test
    void stopsOnlyThePoisonStreamWhileOtherStreamsContinue() throws InterruptedException {
        startAndAwaitTheBlock();

        assertThat(f.receivedPositionsOf("order-1")).containsExactly(1L);
        assertThat(f.receivedPositionsOf("order-2")).containsExactly(2L, 4L, 6L);
        DeadLetter parked = f.letterOf(poison);
        assertThat(parked.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(parked.attempts()).isEqualTo(FAST.maxAttempts());
        assertThat(parked.failure().isHeldBack()).isFalse();
        for (RecordedEvent held : List.of(events.get(4), events.get(6))) {
            DeadLetter letter = f.letterOf(held);
            assertThat(letter.status()).isEqualTo(DeadLetterStatus.PARKED);
            assertThat(letter.attempts()).isZero();
            assertThat(letter.failure().isHeldBack()).isTrue();
            assertThat(letter.failure().message()).isEqualTo("held back behind position 3 of stream order-1");
        }
        List<RecordedEvent> later = f.append("order-2", "order-1");
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.hasLetter(later.get(1)));
        assertThat(f.receivedPositionsOf("order-2")).containsExactly(2L, 4L, 6L, 8L);
        assertThat(f.receivedPositionsOf("order-1")).containsExactly(1L);
    }

    @Test
    void afterTheFixARedriveDeliversThePoisonThenTheHeldBackEventsInOrderAndTheStreamFlowsAgain()
            throws InterruptedException {
        startAndAwaitTheBlock();

        f.poison.clear();
        f.deadLetters.redrive(f.letterOf(poison).id(), "alice", "fixed the handler");

        awaitResolved(poison, events.get(4), events.get(6));
        assertThat(f.receivedPositionsOf("order-1")).containsExactly(1L, 3L, 5L, 7L);
        List<RecordedEvent> later = f.append("order-1", "order-2");
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.receivedPositions().contains(9L));
        assertThat(f.receivedPositionsOf("order-1")).containsExactly(1L, 3L, 5L, 7L, 8L);
        assertThat(f.receivedPositions()).doesNotHaveDuplicates().hasSize(9);
        assertThat(f.hasLetter(later.getFirst())).isFalse();
    }

    @Test
    void keepsEventsArrivingWhileTheStreamCatchesUpInOrder() throws InterruptedException {
        startAndAwaitTheBlock();
        f.poison.clear();

        f.deadLetters.redrive(f.letterOf(poison).id(), "alice", null);
        for (int i = 0; i < 5; i++) {
            f.append("order-1");
        }

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.receivedPositionsOf("order-1").size() == 9);
        assertThat(f.receivedPositionsOf("order-1")).isSorted().doesNotHaveDuplicates()
                .containsExactly(1L, 3L, 5L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void discardingThePoisonReleasesTheHeldBackEventsWithoutIt() throws InterruptedException {
        startAndAwaitTheBlock();

        f.deadLetters.discard(f.letterOf(poison).id(), "alice", "order-1 was cancelled by hand");

        awaitResolved(events.get(4), events.get(6));
        assertThat(f.receivedPositionsOf("order-1")).containsExactly(1L, 5L, 7L);
        assertThat(f.letterOf(poison).status()).isEqualTo(DeadLetterStatus.DISCARDED);
    }

    @Test
    void aBlockedStreamStaysBlockedAfterARestart() throws InterruptedException {
        startAndAwaitTheBlock();
        f.subscriptions.stop(NAME);

        List<RecordedEvent> later = f.append("order-1", "order-2");
        Subscription restarted = f.start(PoisonPolicy.STOP_STREAM);

        assertThat(restarted.awaitPosition(9, Duration.ofSeconds(10))).isTrue();
        assertThat(f.receivedPositionsOf("order-1")).containsExactly(1L);
        assertThat(f.receivedPositionsOf("order-2")).containsExactly(2L, 4L, 6L, 9L);
        assertThat(f.letterOf(later.getFirst()).failure().isHeldBack()).isTrue();
        f.poison.clear();
        f.deadLetters.redrive(f.letterOf(poison).id(), "alice", null);
        awaitResolved(poison, events.get(4), events.get(6), later.getFirst());
        assertThat(f.receivedPositionsOf("order-1")).containsExactly(1L, 3L, 5L, 7L, 8L);
        assertThat(new HashSet<>(f.receivedPositions())).hasSize(f.receivedPositions().size());
    }
}
