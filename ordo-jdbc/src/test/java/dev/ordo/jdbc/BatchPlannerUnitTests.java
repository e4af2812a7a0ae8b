package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.DuplicateEventIdException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.StoredEventRef;
import dev.ordo.core.store.StreamDeletedException;
import dev.ordo.core.store.StreamInfo;
import dev.ordo.core.store.StreamStatus;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class BatchPlannerUnitTests {

    private static final StreamId A = StreamId.of("order-a");
    private static final StreamId B = StreamId.of("order-b");
    private static final StreamId C = StreamId.of("order-c");

    private static EventData event() {
        return new EventData(UUID.randomUUID(), "order.placed", 1, "{}", null);
    }

    private static PendingAppend append(StreamId stream, ExpectedVersion expected, EventData... events) {
        return new PendingAppend(stream, expected, Arrays.asList(events));
    }

    private static StoreState state(long head, StreamInfo... streams) {
        Map<StreamId, StreamInfo> infos = new HashMap<>();
        for (StreamInfo info : streams) {
            infos.put(info.streamId(), info);
        }
        return new StoreState(head, 7, infos, Map.of());
    }

    private static StoredEventRef stored(EventData event, StreamId stream, long version, long position) {
        return new StoredEventRef(event.eventId(), stream, version, position, event.eventType(), event.schemaVersion(),
                true);
    }

    private static StreamInfo active(StreamId stream, long version) {
        return new StreamInfo(stream, version, StreamStatus.ACTIVE, 1);
    }

    @Test
    void plansNothingForAnEmptyBatch() {
        BatchPlan plan = BatchPlanner.plan(state(10), List.of());

        assertThat(plan.rows()).isEmpty();
        assertThat(plan.writes()).isFalse();
        assertThat(plan.newHead()).isEqualTo(10);
        assertThat(plan.outcomes()).isEmpty();
    }

    @Test
    void placesANewStreamsEventsAfterTheHead() {
        EventData first = event();
        EventData second = event();

        BatchPlan plan = BatchPlanner.plan(state(10), List.of(append(A, ExpectedVersion.noStream(), first, second)));

        assertThat(plan.rows()).containsExactly(new BatchPlan.Row(11, A, 1, first), new BatchPlan.Row(12, A, 2, second));
        assertThat(plan.newHead()).isEqualTo(12);
        assertThat(plan.streams()).containsExactly(Map.entry(A, active(A, 2)));
        assertThat(plan.outcomes().getFirst().result()).isEqualTo(new AppendResult(2, 11, 12));
        assertThat(plan.outcomes().getFirst().failure()).isNull();
    }

    @Test
    void checksASecondAppendToTheSameStreamAgainstTheFirst() {
        PendingAppend first = append(A, ExpectedVersion.exact(3), event(), event());
        PendingAppend second = append(A, ExpectedVersion.exact(5), event());

        BatchPlan plan = BatchPlanner.plan(state(20, active(A, 3)), List.of(first, second));

        assertThat(plan.outcomes()).extracting(BatchPlan.Outcome::result)
                .containsExactly(new AppendResult(5, 21, 22), new AppendResult(6, 23, 23));
        assertThat(plan.rows()).extracting(BatchPlan.Row::position).containsExactly(21L, 22L, 23L);
        assertThat(plan.rows()).extracting(BatchPlan.Row::version).containsExactly(4L, 5L, 6L);
        assertThat(plan.streams()).containsExactly(Map.entry(A, active(A, 6)));
    }

    @Test
    void refusesASecondAppendThatExpectedTheVersionBeforeTheFirst() {
        PendingAppend first = append(A, ExpectedVersion.noStream(), event());
        PendingAppend second = append(A, ExpectedVersion.noStream(), event());

        BatchPlan plan = BatchPlanner.plan(state(0), List.of(first, second));

        assertThat(plan.outcomes().get(0).result()).isEqualTo(new AppendResult(1, 1, 1));
        assertThat(plan.outcomes().get(1).failure())
                .asInstanceOf(InstanceOfAssertFactories.type(WrongExpectedVersionException.class))
                .extracting(WrongExpectedVersionException::actualVersion).isEqualTo(1L);
        assertThat(plan.rows()).hasSize(1);
    }

    @Test
    void doesNotShiftPositionsOfLaterAppendsWhenOneInTheMiddleIsRefused() {
        EventData last = event();
        PendingAppend ok = append(A, ExpectedVersion.any(), event());
        PendingAppend conflicting = append(B, ExpectedVersion.exact(5), event(), event());
        PendingAppend after = append(C, ExpectedVersion.noStream(), last);

        BatchPlan plan = BatchPlanner.plan(state(100, active(B, 2)), List.of(ok, conflicting, after));

        assertThat(plan.outcomes()).extracting(BatchPlan.Outcome::request).containsExactly(ok, conflicting, after);
        assertThat(plan.outcomes().get(1).result()).isNull();
        assertThat(plan.outcomes().get(1).failure())
                .asInstanceOf(InstanceOfAssertFactories.type(WrongExpectedVersionException.class))
                .extracting(WrongExpectedVersionException::actualVersion).isEqualTo(2L);
        assertThat(plan.outcomes().get(2).result()).isEqualTo(new AppendResult(1, 102, 102));
        assertThat(plan.rows()).containsExactly(new BatchPlan.Row(101, A, 1, ok.events().getFirst()),
                new BatchPlan.Row(102, C, 1, last));
        assertThat(plan.streams()).containsOnlyKeys(A, C);
        assertThat(plan.newHead()).isEqualTo(102);
    }

    @Test
    void doesNotLetARefusedAppendChangeTheStreamForTheNextOne() {
        PendingAppend refused = append(A, ExpectedVersion.exact(9), event());
        PendingAppend next = append(A, ExpectedVersion.exact(2), event());

        BatchPlan plan = BatchPlanner.plan(state(50, active(A, 2)), List.of(refused, next));

        assertThat(plan.outcomes().get(0).failure()).isInstanceOf(WrongExpectedVersionException.class);
        assertThat(plan.outcomes().get(1).result()).isEqualTo(new AppendResult(3, 51, 51));
    }

    @Test
    void revivesASoftDeletedStreamKeepingItsVersionAndTruncationPoint() {
        StreamInfo softDeleted = new StreamInfo(A, 5, StreamStatus.SOFT_DELETED, 6);

        BatchPlan plan = BatchPlanner.plan(state(30, softDeleted),
                List.of(append(A, ExpectedVersion.noStream(), event(), event())));

        assertThat(plan.outcomes().getFirst().result()).isEqualTo(new AppendResult(7, 31, 32));
        assertThat(plan.rows()).extracting(BatchPlan.Row::version).containsExactly(6L, 7L);
        assertThat(plan.streams()).containsExactly(Map.entry(A, new StreamInfo(A, 7, StreamStatus.ACTIVE, 6)));
    }

    @Test
    void keepsTheTruncationPointOfAnActiveStream() {
        StreamInfo truncated = new StreamInfo(A, 5, StreamStatus.ACTIVE, 4);

        BatchPlan plan = BatchPlanner.plan(state(30, truncated), List.of(append(A, ExpectedVersion.exact(5), event())));

        assertThat(plan.streams()).containsExactly(Map.entry(A, new StreamInfo(A, 6, StreamStatus.ACTIVE, 4)));
    }

    @Test
    void refusesAnAppendToATombstonedStream() {
        StreamInfo tombstoned = new StreamInfo(A, 3, StreamStatus.TOMBSTONED, 1);

        BatchPlan plan = BatchPlanner.plan(state(30, tombstoned), List.of(append(A, ExpectedVersion.any(), event())));

        assertThat(plan.outcomes().getFirst().failure()).isInstanceOf(StreamDeletedException.class);
        assertThat(plan.rows()).isEmpty();
        assertThat(plan.streams()).isEmpty();
        assertThat(plan.newHead()).isEqualTo(30);
    }

    @Test
    void returnsTheOriginalResultOfAnIdempotentRetryWithoutWriting() {
        EventData first = event();
        EventData second = event();
        Map<UUID, StoredEventRef> stored = Map.of(
                first.eventId(), stored(first, A, 1, 5),
                second.eventId(), stored(second, A, 2, 6));
        StoreState state = new StoreState(9, 3, Map.of(A, active(A, 2)), stored);

        BatchPlan plan = BatchPlanner.plan(state, List.of(append(A, ExpectedVersion.noStream(), first, second)));

        assertThat(plan.outcomes().getFirst().result()).isEqualTo(new AppendResult(2, 5, 6));
        assertThat(plan.outcomes().getFirst().failure()).isNull();
        assertThat(plan.writes()).isFalse();
        assertThat(plan.streams()).isEmpty();
        assertThat(plan.newHead()).isEqualTo(9);
    }

    @Test
    void doesNotLookForStoredIdsWhenTheyWereNotRead() {
        EventData first = event();
        StoreState state = new StoreState(9, 3, Map.of(A, active(A, 1)), null);

        BatchPlan plan = BatchPlanner.plan(state, List.of(append(A, ExpectedVersion.noStream(), first)));

        assertThat(plan.outcomes().getFirst().failure()).isInstanceOf(WrongExpectedVersionException.class);
    }

    @Test
    void refusesARequestWhoseIdsArePartlyStored() {
        EventData stored = event();
        StoreState state = new StoreState(9, 3, Map.of(A, active(A, 1)),
                Map.of(stored.eventId(), stored(stored, A, 1, 9)));

        BatchPlan plan = BatchPlanner.plan(state, List.of(append(A, ExpectedVersion.any(), stored, event())));

        assertThat(plan.outcomes().getFirst().failure()).isInstanceOf(DuplicateEventIdException.class);
        assertThat(plan.rows()).isEmpty();
    }

    @Test
    void completesEachRequestWithItsOutcome() throws Exception {
        PendingAppend ok = append(A, ExpectedVersion.noStream(), event());
        PendingAppend refused = append(B, ExpectedVersion.exact(4), event());
        BatchPlan plan = BatchPlanner.plan(state(0), List.of(ok, refused));

        plan.outcomes().forEach(BatchPlan.Outcome::complete);

        assertThat(ok.result().get()).isEqualTo(new AppendResult(1, 1, 1));
        assertThat(refused.result()).isCompletedExceptionally();
        assertThat(catchThrowable(() -> refused.result().get()))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WrongExpectedVersionException.class);
    }
}
