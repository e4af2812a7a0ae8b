package dev.ordo.core.subscription;

import static dev.ordo.core.subscription.PoisonFixture.FAST;
import static dev.ordo.core.subscription.PoisonFixture.NAME;
import static dev.ordo.core.subscription.PoisonFixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterAction;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.InMemoryDeadLetterStore;
import dev.ordo.core.event.RecordedEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionParkAndContinueUnitTests {

    private final PoisonFixture f = new PoisonFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private void awaitParked(RecordedEvent event) {
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.hasLetter(event)
                && f.letterOf(event).status() == DeadLetterStatus.PARKED);
    }

    @Test
    void parksAPoisonEventAfterItsLastAttemptAndDeliversEveryOtherEventOnceInOrder() {
        List<RecordedEvent> events = f.append("order-1", "order-2", "order-1", "order-2", "order-1", "order-2");
        RecordedEvent poison = events.get(2);
        f.poison.add(poison.eventId());

        Subscription subscription = f.start(PoisonPolicy.PARK_AND_CONTINUE);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 6);
        assertThat(f.receivedPositions()).containsExactly(1L, 2L, 4L, 5L, 6L);
        DeadLetter letter = f.letterOf(poison);
        assertThat(letter.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(letter.attempts()).isEqualTo(FAST.maxAttempts());
        assertThat(letter.key()).isEqualTo("order-1");
        assertThat(letter.message().position()).isEqualTo(3L);
        assertThat(letter.message().payload()).isEqualTo(poison.payload());
        assertThat(letter.failure().type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.failure().message()).isEqualTo("cannot handle event " + poison.eventId());
        assertThat(letter.failure().stackTrace()).contains("PoisonFixture");
        assertThat(f.meters.get("ordo.deadletters.parked").tag("origin", "subscription:reader").counter().count())
                .isEqualTo(1.0);
        assertThat(subscription.status().failures()).isGreaterThanOrEqualTo(FAST.maxAttempts());
        assertThat(subscription.status().lagEvents()).isZero();
    }

    @Test
    void parksAnEventWhoseHandlerThrowsAnErrorAndKeepsDeliveringTheOthers() {
        List<RecordedEvent> events = f.append("order-1", "order-2", "order-1");
        RecordedEvent overflowing = events.get(1);
        f.errors.add(overflowing.eventId());

        f.start(PoisonPolicy.PARK_AND_CONTINUE);

        awaitParked(overflowing);
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 3);
        assertThat(f.receivedPositions()).containsExactly(1L, 3L);
        assertThat(f.letterOf(overflowing).attempts()).isEqualTo(FAST.maxAttempts());
        assertThat(f.letterOf(overflowing).failure().type()).isEqualTo(StackOverflowError.class.getName());
        f.append("order-2");
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 4);
        assertThat(f.receivedPositions()).containsExactly(1L, 3L, 4L);
    }

    @Test
    void aParkedEventAtTheHeadDoesNotHoldBackTheSubscription() throws InterruptedException {
        List<RecordedEvent> events = f.append("order-1", "order-1");
        f.poison.add(events.get(1).eventId());

        Subscription subscription = f.start(PoisonPolicy.PARK_AND_CONTINUE);

        assertThat(subscription.awaitPosition(2, Duration.ofSeconds(10))).isTrue();
        awaitParked(events.get(1));
        f.append("order-1");
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 3);
        assertThat(f.receivedPositions()).containsExactly(1L, 3L);
    }

    @Test
    void aRestartDoesNotHandAParkedEventToTheConsumerAgain() {
        List<RecordedEvent> events = f.append("order-1", "order-1");
        RecordedEvent poison = events.get(1);
        f.poison.add(poison.eventId());
        f.start(PoisonPolicy.PARK_AND_CONTINUE);
        awaitParked(poison);
        f.subscriptions.stop(NAME);
        int actions = f.deadLetters.history(f.letterOf(poison).id()).size();
        f.append("order-2");

        f.start(PoisonPolicy.PARK_AND_CONTINUE);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 3);
        assertThat(f.receivedPositions()).containsExactly(1L, 3L);
        assertThat(f.deadLetters.history(f.letterOf(poison).id())).hasSize(actions);
    }

    @Test
    void deliversARedrivenEventOnceItsFaultIsFixedAndMarksItsLetterResolved() {
        List<RecordedEvent> events = f.append("order-1", "order-2", "order-1", "order-2");
        RecordedEvent poison = events.get(1);
        f.poison.add(poison.eventId());
        f.start(PoisonPolicy.PARK_AND_CONTINUE);
        awaitParked(poison);
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 4);

        f.poison.clear();
        f.deadLetters.redrive(f.letterOf(poison).id(), "alice", "fixed the handler");

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.letterOf(poison).status() == DeadLetterStatus.RESOLVED);
        assertThat(f.receivedPositions()).containsExactly(1L, 3L, 4L, 2L);
        assertThat(f.checkpoints.load(NAME)).isEqualTo(4);
        assertThat(f.deadLetters.history(f.letterOf(poison).id()).getLast())
                .extracting(DeadLetterAction::action, DeadLetterAction::actor)
                .containsExactly(DeadLetterAction.Kind.RESOLVED, ORIGIN.toString());
        f.append("order-2");
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 5);
        assertThat(f.receivedPositions()).containsExactly(1L, 3L, 4L, 2L, 5L);
    }

    @Test
    void parksARedrivenEventAgainAfterItsLastAttemptWhenTheFaultRemains() {
        RecordedEvent poison = f.append("order-1").getFirst();
        f.poison.add(poison.eventId());
        f.start(PoisonPolicy.PARK_AND_CONTINUE);
        awaitParked(poison);

        f.deadLetters.redrive(f.letterOf(poison).id(), "alice", null);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.letterOf(poison).status() == DeadLetterStatus.PARKED
                && f.letterOf(poison).attempts() == FAST.maxAttempts());
        assertThat(f.deadLetters.history(f.letterOf(poison).id())).extracting(DeadLetterAction::action)
                .containsSequence(DeadLetterAction.Kind.REDRIVEN, DeadLetterAction.Kind.FAILED,
                        DeadLetterAction.Kind.FAILED, DeadLetterAction.Kind.FAILED, DeadLetterAction.Kind.PARKED);
        assertThat(f.received).isEmpty();
        assertThat(f.meters.get("ordo.deadletters.parked").counter().count()).isEqualTo(2.0);
    }

    @Test
    void anEventThatRecoversBeforeItsLastAttemptIsDeliveredOnceAndItsLetterResolved() {
        List<RecordedEvent> events = f.append("order-1", "order-1", "order-1");
        RecordedEvent flaky = events.get(1);
        f.failuresLeft.put(flaky.eventId(), 2);

        f.start(PoisonPolicy.PARK_AND_CONTINUE);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 3);
        assertThat(f.receivedPositions()).containsExactly(1L, 2L, 3L);
        assertThat(f.letterOf(flaky).status()).isEqualTo(DeadLetterStatus.RESOLVED);
        assertThat(f.letterOf(flaky).attempts()).isEqualTo(1);
        assertThat(f.deadLetters.history(f.letterOf(flaky).id()).getLast().note()).isEqualTo("handled on attempt 2");
    }

    @Test
    void retriesThePageWhileTheDeadLetterStoreIsDownThenParks() {
        AtomicBoolean down = new AtomicBoolean(true);
        InMemoryDeadLetterStore real = new InMemoryDeadLetterStore();
        DeadLetterStore flaky = (DeadLetterStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DeadLetterStore.class}, (proxy, method, args) -> {
                    if (down.get() && method.getName().equals("recordFailure")) {
                        throw new IllegalStateException("dead-letter database unavailable");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (PoisonFixture withFlakyStore = new PoisonFixture(flaky)) {
            List<RecordedEvent> events = withFlakyStore.append("order-1", "order-1");
            withFlakyStore.poison.add(events.getFirst().eventId());
            Subscription subscription = withFlakyStore.start(PoisonPolicy.PARK_AND_CONTINUE);
            // the handler's own failure comes first in each try, then the store's: wait for a try that got that far
            await().atMost(10, TimeUnit.SECONDS).until(() -> subscription.status().failures() >= 4
                    && String.valueOf(subscription.status().lastError()).contains("dead-letter database unavailable"));
            assertThat(withFlakyStore.received).isEmpty();

            down.set(false);

            await().atMost(10, TimeUnit.SECONDS).until(() -> withFlakyStore.checkpoints.load(NAME) == 2);
            assertThat(withFlakyStore.receivedPositions()).containsExactly(2L);
            assertThat(withFlakyStore.letterOf(events.getFirst()).status()).isEqualTo(DeadLetterStatus.PARKED);
        }
    }

    @Test
    void refusesAPoisonPolicyWithoutADeadLetterStore() {
        assertThatThrownBy(() -> SubscriptionOptions.defaults().withDeadLetters(PoisonPolicy.STOP_STREAM, null, FAST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a dead-letter store");
        assertThat(SubscriptionOptions.defaults().poisonPolicy()).isEqualTo(PoisonPolicy.RETRY_FOREVER);
        assertThat(f.options(PoisonPolicy.STOP_STREAM).withRetryForever().parksPoisonEvents()).isFalse();
    }
}
