package dev.ordo.test.contract;

import static dev.ordo.test.contract.DeadLetterFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Origin;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queries of the {@link DeadLetterStore} contract: get, find, list with filters and pages, and the letters due
 * for retry. Run as part of {@link DeadLetterStoreContract}.
 */
public interface DeadLetterQueryContract {

    /** A dead-letter store whose times come from {@code clock}. */
    DeadLetterStore deadLetters(Clock clock);

    private DeadLetterFixture fixture() {
        return new DeadLetterFixture(this::deadLetters);
    }

    @Test
    default void keepsTheSameMessageOfTwoOriginsInTwoLetters() {
        DeadLetterFixture f = fixture();
        Origin other = Origin.sagaStep("other-" + UUID.randomUUID());
        FailedMessage message = message();

        DeadLetter mine = f.fail(message);
        DeadLetter theirs = f.fail(other, message);

        assertThat(theirs.id()).isNotEqualTo(mine.id());
        assertThat(theirs.attempts()).isEqualTo(1);
        assertThat(f.store.find(f.origin, message.id())).contains(mine);
        assertThat(f.store.find(other, message.id())).contains(theirs);
    }

    @Test
    default void findsNothingForAnUnknownIdOrMessage() {
        DeadLetterFixture f = fixture();

        assertThat(f.store.get(UUID.randomUUID())).isEmpty();
        assertThat(f.store.find(f.origin, "never-failed")).isEmpty();
        assertThat(f.store.history(UUID.randomUUID())).isEmpty();
    }

    @Test
    default void listsTheLettersOfAnOriginInTheOrderTheyWereOpened() {
        DeadLetterFixture f = fixture();
        DeadLetter first = f.fail(message());
        f.tick(1);
        DeadLetter second = f.fail(message());
        f.fail(Origin.consumer("elsewhere-" + UUID.randomUUID()), message());
        f.fail(first.message());

        assertThat(f.store.list(DeadLetterQuery.all().withOrigin(f.origin))).extracting(DeadLetter::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    default void filtersTheListByStatusAndPagesThroughIt() {
        DeadLetterFixture f = fixture();
        DeadLetter parked1 = f.parked();
        f.fail(message());
        DeadLetter parked2 = f.parked();
        DeadLetter parked3 = f.parked();
        DeadLetterQuery parked = DeadLetterQuery.all().withOrigin(f.origin).withStatus(DeadLetterStatus.PARKED);

        assertThat(f.store.list(parked.page(0, 2))).extracting(DeadLetter::id)
                .containsExactly(parked1.id(), parked2.id());
        assertThat(f.store.list(parked.page(1, 2))).extracting(DeadLetter::id).containsExactly(parked3.id());
        assertThat(f.store.list(parked.page(2, 2))).isEmpty();
    }

    @Test
    default void aPageFarBeyondTheLastLetterIsEmpty() {
        DeadLetterFixture f = fixture();
        f.parked();
        DeadLetterQuery parked = DeadLetterQuery.all().withOrigin(f.origin).withStatus(DeadLetterStatus.PARKED);

        assertThat(f.store.list(parked.page(Integer.MAX_VALUE, DeadLetterQuery.MAX_LIMIT))).isEmpty();
    }

    @Test
    default void listsEveryOriginWithoutAnOriginFilter() {
        DeadLetterFixture f = fixture();
        Origin other = Origin.consumer("other-" + UUID.randomUUID());
        DeadLetter mine = f.fail(message());
        DeadLetter theirs = f.fail(other, message());

        assertThat(f.store.list(DeadLetterQuery.all().page(0, DeadLetterQuery.MAX_LIMIT)))
                .extracting(DeadLetter::id).contains(mine.id(), theirs.id());
    }

    @Test
    default void countsTheLettersOfAStatusByOriginLeavingOutOriginsWithNone() {
        DeadLetterFixture f = fixture();
        Origin other = Origin.consumer("other-" + UUID.randomUUID());
        Origin quiet = Origin.sagaStep("quiet-" + UUID.randomUUID());
        f.parked();
        DeadLetter discarded = f.parked();
        f.parked();
        f.fail(message());
        f.fail(other, message());
        f.store.resolve(f.fail(quiet, message()).id(), "operator", null);
        f.store.discard(discarded.id(), "operator", null);

        assertThat(f.store.countByOrigin(DeadLetterStatus.PARKED)).containsEntry(f.origin, 2L)
                .doesNotContainKeys(other, quiet);
        assertThat(f.store.countByOrigin(DeadLetterStatus.RETRYING)).containsEntry(f.origin, 1L)
                .containsEntry(other, 1L).doesNotContainKey(quiet);
        assertThat(f.store.countByOrigin(DeadLetterStatus.DISCARDED)).containsEntry(f.origin, 1L);
        assertThat(f.store.countByOrigin(DeadLetterStatus.RESOLVED)).containsEntry(quiet, 1L)
                .doesNotContainKey(f.origin);
    }

    @Test
    default void returnsOnlyRetryingLettersOfTheOriginWhoseAttemptIsDueEarliestFirst() {
        DeadLetterFixture f = fixture();
        DeadLetter later = f.fail(message());
        f.tick(1);
        f.fail(later.message());
        DeadLetter sooner = f.fail(message());
        f.parked();
        f.fail(Origin.consumer("other-" + UUID.randomUUID()), message());

        assertThat(f.store.dueForRetry(f.origin, 10)).isEmpty();
        f.tick(1);
        assertThat(f.store.dueForRetry(f.origin, 10)).extracting(DeadLetter::id).containsExactly(sooner.id());
        f.tick(1);
        assertThat(f.store.dueForRetry(f.origin, 10)).extracting(DeadLetter::id)
                .containsExactly(sooner.id(), later.id());
        assertThat(f.store.dueForRetry(f.origin, 1)).extracting(DeadLetter::id).containsExactly(sooner.id());
    }
}
