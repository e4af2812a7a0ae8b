package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.itemAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Correctness under concurrency: optimistic concurrency has exactly one winner per version, and a reader that
 * follows the global log sees every committed event exactly once, in position order, whatever the writers do.
 */
public interface ConcurrencyContract extends StoreUnderTest {

    int RACERS = 16;
    int ROUNDS = 40;
    int WRITERS = 8;
    int APPENDS_PER_WRITER = 150;

    @Test
    default void writersRacingOnOneStreamHaveExactlyOneWinnerPerVersion() throws Exception {
        StreamId stream = uniqueStream("race");
        CyclicBarrier start = new CyclicBarrier(RACERS);
        List<Set<UUID>> winners = new ArrayList<>();
        AtomicInteger conflicts = new AtomicInteger();
        List<Throwable> unexpected = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            winners.add(ConcurrentHashMap.newKeySet());
        }

        try (ExecutorService racers = Executors.newFixedThreadPool(RACERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < RACERS; r++) {
                done.add(racers.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        EventData event = itemAdded("round-" + round, 1);
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            AppendResult won = store().append(stream, ExpectedVersion.exact(round), List.of(event));
                            assertThat(won.streamVersion()).isEqualTo(round + 1);
                            winners.get(round).add(event.eventId());
                        } catch (WrongExpectedVersionException lost) {
                            assertThat(lost.actualVersion()).isEqualTo(round + 1);
                            conflicts.incrementAndGet();
                        }
                        start.await(30, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get(5, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException e) {
                    unexpected.add(e.getCause());
                }
            }
        }

        assertThat(unexpected).isEmpty();
        assertThat(winners).allSatisfy(w -> assertThat(w).hasSize(1));
        assertThat(conflicts.get()).isEqualTo(ROUNDS * (RACERS - 1));
        List<RecordedEvent> stored = store().readStreamForwards(stream, 1, ROUNDS + 10);
        assertThat(stored).extracting(RecordedEvent::streamVersion)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, ROUNDS).boxed().toList());
        for (int round = 0; round < ROUNDS; round++) {
            assertThat(winners.get(round)).containsExactly(stored.get(round).eventId());
        }
    }

    @Test
    default void aReaderFollowingTheGlobalLogSeesEveryCommittedEventExactlyOnceInOrder() throws Exception {
        List<StreamId> streams = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            streams.add(uniqueStream("follow"));
        }
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        long start = store().headPosition() + 1;

        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1)) {
            Future<List<RecordedEvent>> reader = pool.submit(() -> follow(start, writing));
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        StreamId stream = streams.get(random.nextInt(streams.size()));
                        List<EventData> events = new ArrayList<>();
                        for (int n = random.nextInt(1, 4); n > 0; n--) {
                            events.add(itemAdded("w", n));
                        }
                        ExpectedVersion expected = random.nextInt(5) == 0 ? ExpectedVersion.exact(1_000_000)
                                : ExpectedVersion.any();
                        try {
                            store().append(stream, expected, events);
                            events.forEach(e -> committed.add(e.eventId()));
                        } catch (WrongExpectedVersionException expectedConflict) {
                            // a refused append must leave no trace; the final comparison proves it
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            List<RecordedEvent> seen = reader.get(5, TimeUnit.MINUTES);

            List<UUID> seenIds = seen.stream().map(RecordedEvent::eventId).toList();
            assertThat(new HashSet<>(seenIds)).hasSameSizeAs(seenIds);
            assertThat(new HashSet<>(seenIds)).isEqualTo(committed);
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i).position()).isGreaterThan(seen.get(i - 1).position());
            }
            assertThat(seen).isNotEmpty();
        }
    }

    private List<RecordedEvent> follow(long from, AtomicBoolean writing) {
        List<RecordedEvent> seen = new ArrayList<>();
        long next = from;
        while (true) {
            boolean lastRound = !writing.get();
            List<RecordedEvent> page = store().readAll(next, 7);
            seen.addAll(page);
            if (!page.isEmpty()) {
                next = page.getLast().position() + 1;
            } else if (lastRound) {
                return seen;
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
