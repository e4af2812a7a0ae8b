package dev.ordo.core.subscription;

import static dev.ordo.core.subscription.PoisonFixture.FAST;
import static dev.ordo.core.subscription.PoisonFixture.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterAction;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.event.RecordedEvent;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A consumer whose database goes away for a while: its failures are the infrastructure's, not the events', so they are
 * retried with backoff, never counted as attempts and never recorded as dead letters.
 */
class SubscriptionTransientFailureUnitTests {

    private final PoisonFixture f = new PoisonFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private List<DeadLetter> letters() {
        return f.deadLetters.list(DeadLetterQuery.all());
    }

    @ParameterizedTest
    @EnumSource(value = PoisonPolicy.class, names = {"PARK_AND_CONTINUE", "STOP_STREAM"})
    void anOutageWhileHandlingParksNothingAndEveryEventIsHandledOnceWhenTheDatabaseIsBack(PoisonPolicy policy) {
        f.append("order-1", "order-2", "order-1", "order-2", "order-1", "order-2");
        f.down.set(true);

        Subscription subscription = f.start(policy);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.outageFailures.get() > 2 * FAST.maxAttempts());
        assertThat(letters()).isEmpty();
        assertThat(f.received).isEmpty();
        assertThat(subscription.status().state()).isEqualTo(SubscriptionStatus.State.RETRYING);
        assertThat(subscription.status().lastError()).contains("the database is down");

        f.down.set(false);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 6);
        assertThat(f.receivedPositions()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(letters()).isEmpty();
        f.append("order-1");
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 7);
        assertThat(f.receivedPositions()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void anOutageBetweenTheAttemptsOfAPoisonEventDoesNotCountAsAttempts() {
        List<RecordedEvent> events = f.append("order-1", "order-2", "order-1");
        RecordedEvent flaky = events.get(1);
        AtomicBoolean failedOnce = new AtomicBoolean();
        CheckpointedConsumer consumer = new CheckpointedConsumer(NAME, f.checkpoints, page -> {
            if (f.down.get()) {
                f.outageFailures.incrementAndGet();
                throw new SQLTransientConnectionException("connection reset: the database is down");
            }
            if (page.contains(flaky) && failedOnce.compareAndSet(false, true)) {
                f.down.set(true);
                throw new IllegalStateException("cannot handle event " + flaky.eventId());
            }
            f.received.addAll(page);
        });

        f.subscriptions.start(NAME, consumer, f.options(PoisonPolicy.PARK_AND_CONTINUE));

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.outageFailures.get() > 2 * FAST.maxAttempts());
        assertThat(f.hasLetter(flaky)).isFalse();
        f.down.set(false);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 3);
        assertThat(f.receivedPositions()).containsExactly(1L, 2L, 3L);
        assertThat(letters()).isEmpty();
    }

    @Test
    void anOutageDuringTheRetriesOfARecordedLetterLeavesItsAttemptsAsTheyWere() {
        List<RecordedEvent> events = f.append("order-1", "order-2", "order-1");
        RecordedEvent flaky = events.get(1);
        f.failuresLeft.put(flaky.eventId(), 2);
        CheckpointedConsumer consumer = new CheckpointedConsumer(NAME, f.checkpoints, page -> {
            if (f.down.get()) {
                f.outageFailures.incrementAndGet();
                throw new SQLTransientConnectionException("connection reset: the database is down");
            }
            Integer left = page.contains(flaky) ? f.failuresLeft.computeIfPresent(flaky.eventId(), (id, n) -> n - 1)
                    : null;
            if (left != null && left >= 0) {
                // the page fails first, then the event alone, which records its letter: the outage starts right then
                f.down.set(left == 0);
                throw new IllegalStateException("cannot handle event " + flaky.eventId());
            }
            f.received.addAll(page);
        });

        f.subscriptions.start(NAME, consumer, f.options(PoisonPolicy.PARK_AND_CONTINUE));

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.hasLetter(flaky)
                && f.outageFailures.get() > 2 * FAST.maxAttempts());
        assertThat(f.letterOf(flaky).attempts()).isEqualTo(1);
        assertThat(f.letterOf(flaky).status()).isEqualTo(DeadLetterStatus.RETRYING);
        f.down.set(false);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.letterOf(flaky).status() == DeadLetterStatus.RESOLVED);
        assertThat(f.letterOf(flaky).attempts()).isEqualTo(1);
        assertThat(f.deadLetters.history(f.letterOf(flaky).id())).extracting(DeadLetterAction::action)
                .containsExactly(DeadLetterAction.Kind.FAILED, DeadLetterAction.Kind.RESOLVED);
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.checkpoints.load(NAME) == 3);
        assertThat(f.receivedPositions()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anOutageDuringARedriveLeavesTheLetterDueWithoutAnAttemptUntilTheDatabaseIsBack() {
        RecordedEvent poison = f.append("order-1").getFirst();
        f.poison.add(poison.eventId());
        f.start(PoisonPolicy.PARK_AND_CONTINUE);
        await().atMost(10, TimeUnit.SECONDS).until(() -> f.hasLetter(poison)
                && f.letterOf(poison).status() == DeadLetterStatus.PARKED);
        f.poison.clear();
        f.down.set(true);
        int actions = f.deadLetters.history(f.letterOf(poison).id()).size();

        f.deadLetters.redrive(f.letterOf(poison).id(), "alice", "fixed the handler");

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.outageFailures.get() > 2 * FAST.maxAttempts());
        DeadLetter waiting = f.letterOf(poison);
        assertThat(waiting.status()).isEqualTo(DeadLetterStatus.RETRYING);
        assertThat(waiting.attempts()).isZero();
        assertThat(f.deadLetters.history(waiting.id())).hasSize(actions + 1);
        f.down.set(false);

        await().atMost(10, TimeUnit.SECONDS).until(() -> f.letterOf(poison).status() == DeadLetterStatus.RESOLVED);
        assertThat(f.receivedPositions()).containsExactly(1L);
        assertThat(f.deadLetters.history(waiting.id())).extracting(DeadLetterAction::action)
                .endsWith(DeadLetterAction.Kind.REDRIVEN, DeadLetterAction.Kind.RESOLVED);
    }
}
