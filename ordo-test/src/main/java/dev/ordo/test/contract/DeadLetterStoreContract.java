package dev.ordo.test.contract;

import static dev.ordo.test.contract.DeadLetterFixture.KEY;
import static dev.ordo.test.contract.DeadLetterFixture.POLICY;
import static dev.ordo.test.contract.DeadLetterFixture.T0;
import static dev.ordo.test.contract.DeadLetterFixture.failure;
import static dev.ordo.test.contract.DeadLetterFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterAction;
import dev.ordo.core.deadletter.DeadLetterAction.Kind;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterStateException;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Failure;
import dev.ordo.core.deadletter.Origin;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DeadLetterStore}: recording attempts with their backoff, parking, redriving, resolving,
 * discarding and the history of every action, plus the queries of {@link DeadLetterQueryContract}. A backend passes it
 * by implementing {@link #deadLetters(Clock)}. Each test uses its own origin, so a backend may share one database
 * between tests.
 */
public interface DeadLetterStoreContract extends DeadLetterQueryContract {

    private DeadLetterFixture fixture() {
        return new DeadLetterFixture(this::deadLetters);
    }

    @Test
    default void opensALetterWithOneAttemptDueAfterTheInitialDelay() {
        DeadLetterFixture f = fixture();
        FailedMessage message = message();

        DeadLetter letter = f.fail(message);

        assertThat(letter.status()).isEqualTo(DeadLetterStatus.RETRYING);
        assertThat(letter.attempts()).isEqualTo(1);
        assertThat(letter.origin()).isEqualTo(f.origin);
        assertThat(letter.key()).isEqualTo(KEY);
        assertThat(letter.message()).isEqualTo(message);
        assertThat(letter.failure()).isEqualTo(failure("boom"));
        assertThat(letter.firstFailedAt()).isEqualTo(T0);
        assertThat(letter.lastFailedAt()).isEqualTo(T0);
        assertThat(letter.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(f.store.get(letter.id())).contains(letter);
    }

    @Test
    default void countsAnotherFailureOfTheSameMessageAsAnotherAttemptWithADoublingDelay() {
        DeadLetterFixture f = fixture();
        FailedMessage message = message();
        DeadLetter first = f.fail(message);
        f.tick(1);

        DeadLetter second = f.store.recordFailure(f.origin, KEY, message, failure("still broken"), POLICY);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.failure().message()).isEqualTo("still broken");
        assertThat(second.firstFailedAt()).isEqualTo(T0);
        assertThat(second.lastFailedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(second.nextAttemptAt()).isEqualTo(T0.plusSeconds(1 + 2));
        assertThat(f.store.get(first.id())).contains(second);
    }

    @Test
    default void capsTheDelayAtTheMaximum() {
        DeadLetterFixture f = fixture();
        DeadLetterPolicy steep = POLICY.toBuilder().maxAttempts(5).multiplier(10).build();
        FailedMessage message = message();
        f.store.recordFailure(f.origin, KEY, message, failure("boom"), steep);

        DeadLetter second = f.store.recordFailure(f.origin, KEY, message, failure("boom"), steep);

        assertThat(second.nextAttemptAt()).isEqualTo(T0.plus(steep.maxDelay()));
    }

    @Test
    default void parksTheLetterWhenTheLastAttemptFails() {
        DeadLetterFixture f = fixture();

        DeadLetter letter = f.parked();

        assertThat(letter.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(letter.attempts()).isEqualTo(POLICY.maxAttempts());
        assertThat(letter.nextAttemptAt()).isNull();
        assertThat(f.store.get(letter.id())).contains(letter);
    }

    @Test
    default void countsAFailureWhileParkedAndStaysParked() {
        DeadLetterFixture f = fixture();
        DeadLetter parked = f.parked();

        DeadLetter letter = f.fail(parked.message());

        assertThat(letter.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(letter.attempts()).isEqualTo(POLICY.maxAttempts() + 1);
        assertThat(letter.nextAttemptAt()).isNull();
    }

    @Test
    default void keepsAMessageWithoutPositionKeyOrHeaders() {
        DeadLetterFixture f = fixture();
        FailedMessage message = new FailedMessage("saga-7/reserve", "stock.reserve", "{}", null, Map.of());

        DeadLetter letter = f.store.recordFailure(f.origin, null, message, new Failure("Timeout", null, null), POLICY);

        assertThat(f.store.get(letter.id())).contains(letter);
        assertThat(letter.key()).isNull();
        assertThat(letter.message().position()).isNull();
    }

    @Test
    default void keepsALongStackTraceCutToItsLimit() {
        DeadLetterFixture f = fixture();
        Failure huge = new Failure("java.lang.StackOverflowError", "x".repeat(5_000), "\tat a.B.c(B.java:1)\n"
                .repeat(2_000));

        DeadLetter letter = f.store.recordFailure(f.origin, KEY, message(), huge, POLICY);

        assertThat(letter.failure().stackTrace()).hasSize(Failure.MAX_STACK_TRACE).startsWith("\tat a.B.c");
        assertThat(letter.failure().message()).hasSize(Failure.MAX_MESSAGE);
        assertThat(f.store.get(letter.id()).orElseThrow().failure()).isEqualTo(letter.failure());
    }

    @Test
    default void resolvingALetterEndsItsRetries() {
        DeadLetterFixture f = fixture();
        DeadLetter letter = f.fail(message());
        f.tick(5);

        DeadLetter resolved = f.store.resolve(letter.id(), "redriver", "handled on retry");

        assertThat(resolved.status()).isEqualTo(DeadLetterStatus.RESOLVED);
        assertThat(resolved.nextAttemptAt()).isNull();
        assertThat(resolved.attempts()).isEqualTo(1);
        assertThat(f.store.get(letter.id())).contains(resolved);
        assertThat(f.store.dueForRetry(f.origin, 10)).isEmpty();
    }

    @Test
    default void parkingByHandStopsRetries() {
        DeadLetterFixture f = fixture();
        DeadLetter letter = f.fail(message());

        DeadLetter parked = f.store.park(letter.id(), "alice", "stop hammering the payment provider");

        assertThat(parked.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(parked.nextAttemptAt()).isNull();
        f.tick(60);
        assertThat(f.store.dueForRetry(f.origin, 10)).isEmpty();
    }

    @Test
    default void redrivingAParkedLetterMakesItDueNowWithAFreshBudgetOfAttempts() {
        DeadLetterFixture f = fixture();
        DeadLetter parked = f.parked();
        f.tick(3_600);

        DeadLetter redriven = f.store.redrive(parked.id(), "alice", "bug fixed");

        assertThat(redriven.status()).isEqualTo(DeadLetterStatus.RETRYING);
        assertThat(redriven.attempts()).isZero();
        assertThat(redriven.nextAttemptAt()).isEqualTo(f.now());
        assertThat(redriven.firstFailedAt()).isEqualTo(parked.firstFailedAt());
        assertThat(f.store.dueForRetry(f.origin, 10)).containsExactly(redriven);
        DeadLetter failedAgain = f.fail(parked.message());
        assertThat(failedAgain.status()).isEqualTo(DeadLetterStatus.RETRYING);
        assertThat(failedAgain.attempts()).isEqualTo(1);
        assertThat(failedAgain.nextAttemptAt()).isEqualTo(f.now().plusSeconds(1));
    }

    @Test
    default void redrivesEveryParkedLetterOfAnOriginAndNoOther() {
        DeadLetterFixture f = fixture();
        DeadLetter parked1 = f.parked();
        DeadLetter parked2 = f.parked();
        DeadLetter retrying = f.fail(message());
        Origin other = Origin.consumer("other-" + UUID.randomUUID());
        FailedMessage elsewhere = message();
        for (int attempt = 1; attempt <= POLICY.maxAttempts(); attempt++) {
            f.fail(other, elsewhere);
        }

        int redriven = f.store.redriveAll(f.origin, "alice", "provider is back");

        assertThat(redriven).isEqualTo(2);
        assertThat(f.store.dueForRetry(f.origin, 10)).extracting(DeadLetter::id)
                .containsExactlyInAnyOrder(parked1.id(), parked2.id());
        assertThat(f.store.get(retrying.id())).contains(retrying);
        assertThat(f.store.find(other, elsewhere.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.PARKED);
    }

    @Test
    default void discardingALetterEndsIt() {
        DeadLetterFixture f = fixture();
        DeadLetter parked = f.parked();

        DeadLetter discarded = f.store.discard(parked.id(), "alice", "order was cancelled by hand");

        assertThat(discarded.status()).isEqualTo(DeadLetterStatus.DISCARDED);
        assertThat(f.store.get(parked.id())).contains(discarded);
        assertThat(f.store.redriveAll(f.origin, "alice", null)).isZero();
    }

    @Test
    default void refusesChangesTheLettersStatusDoesNotAllow() {
        DeadLetterFixture f = fixture();
        DeadLetter retrying = f.fail(message());
        DeadLetter parked = f.parked();
        DeadLetter resolved = f.store.resolve(f.fail(message()).id(), "redriver", null);

        assertThatThrownBy(() -> f.store.redrive(retrying.id(), "alice", null))
                .isInstanceOfSatisfying(DeadLetterStateException.class, e -> {
                    assertThat(e.status()).isEqualTo(DeadLetterStatus.RETRYING);
                    assertThat(e.letterId()).isEqualTo(retrying.id());
                })
                .hasMessageContaining("cannot redrive").hasMessageContaining("it is RETRYING");
        assertThatThrownBy(() -> f.store.park(parked.id(), "alice", null))
                .isInstanceOf(DeadLetterStateException.class);
        assertThatThrownBy(() -> f.store.resolve(resolved.id(), "alice", null))
                .isInstanceOf(DeadLetterStateException.class);
        assertThatThrownBy(() -> f.store.discard(resolved.id(), "alice", null))
                .isInstanceOf(DeadLetterStateException.class);
        assertThat(f.store.get(retrying.id())).contains(retrying);
        assertThat(f.store.get(resolved.id())).contains(resolved);
        assertThat(f.store.history(resolved.id())).hasSize(2);
    }

    @Test
    default void reportsAChangeOfAnUnknownLetter() {
        DeadLetterFixture f = fixture();
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> f.store.resolve(unknown, "alice", null))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> f.store.redrive(unknown, "alice", null)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void recordsEveryActionWithItsActorTimeAndNote() {
        DeadLetterFixture f = fixture();
        FailedMessage message = message();
        DeadLetter letter = f.fail(message);
        f.tick(1);
        f.fail(message);
        f.tick(2);
        f.fail(message);
        f.tick(60);
        f.store.redrive(letter.id(), "alice", "bug fixed in 1.4.2");
        f.tick(1);
        f.store.resolve(letter.id(), "redriver", "handled on redrive");

        assertThat(f.store.history(letter.id()))
                .extracting(DeadLetterAction::action, DeadLetterAction::actor, DeadLetterAction::at)
                .containsExactly(
                        tuple(Kind.FAILED, f.origin.toString(), T0),
                        tuple(Kind.FAILED, f.origin.toString(), T0.plusSeconds(1)),
                        tuple(Kind.FAILED, f.origin.toString(), T0.plusSeconds(3)),
                        tuple(Kind.PARKED, f.origin.toString(), T0.plusSeconds(3)),
                        tuple(Kind.REDRIVEN, "alice", T0.plusSeconds(63)),
                        tuple(Kind.RESOLVED, "redriver", T0.plusSeconds(64)));
        assertThat(f.store.history(letter.id())).extracting(DeadLetterAction::note).satisfiesExactly(
                note -> assertThat(note).isEqualTo("attempt 1: java.lang.IllegalStateException: boom"),
                note -> assertThat(note).startsWith("attempt 2"),
                note -> assertThat(note).startsWith("attempt 3"),
                note -> assertThat(note).isEqualTo("gave up after 3 attempts"),
                note -> assertThat(note).isEqualTo("after 3 attempts: bug fixed in 1.4.2"),
                note -> assertThat(note).isEqualTo("handled on redrive"));
        assertThat(f.store.history(letter.id())).extracting(DeadLetterAction::letterId).containsOnly(letter.id());
    }

    @Test
    default void reopensTheLetterOfAResolvedMessageThatFailsAgain() {
        DeadLetterFixture f = fixture();
        DeadLetter letter = f.fail(message());
        f.store.resolve(letter.id(), "redriver", null);
        f.tick(10);

        DeadLetter reopened = f.fail(letter.message());

        assertThat(reopened.id()).isEqualTo(letter.id());
        assertThat(reopened.status()).isEqualTo(DeadLetterStatus.RETRYING);
        assertThat(reopened.attempts()).isEqualTo(1);
        assertThat(reopened.firstFailedAt()).isEqualTo(f.now());
        assertThat(f.store.history(letter.id()).getLast().note()).contains("reopened after RESOLVED");
    }

    @Test
    default void holdsAMessageBackWithoutAnAttemptAndOnlyOnce() {
        DeadLetterFixture f = fixture();
        FailedMessage message = message();

        DeadLetter held = f.store.hold(f.origin, KEY, message, "behind position 41");
        f.tick(1);
        DeadLetter again = f.store.hold(f.origin, KEY, message, "behind position 41");

        assertThat(held.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(held.attempts()).isZero();
        assertThat(held.failure().isHeldBack()).isTrue();
        assertThat(held.failure().message()).isEqualTo("behind position 41");
        assertThat(again).isEqualTo(held);
        assertThat(f.store.history(held.id())).extracting(DeadLetterAction::action).containsExactly(Kind.HELD);
        assertThat(f.store.redrive(held.id(), f.origin.toString(), null).isDue(f.now())).isTrue();
    }

    @Test
    default void takesTimesFromItsClockToTheMicrosecond() {
        DeadLetterFixture f = fixture();
        f.clock.advance(Duration.ofNanos(1_234_567));

        DeadLetter letter = f.fail(message());

        assertThat(letter.firstFailedAt()).isEqualTo(T0.plusNanos(1_234_000));
        assertThat(f.store.get(letter.id())).contains(letter);
    }
}
