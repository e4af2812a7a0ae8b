package dev.ordo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventIdsUnitTests {

    @Test
    void makesVersion7UuidsWithTheRfcVariant() {
        UUID id = EventIds.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void makesStrictlyIncreasingIdsFromOneThread() {
        long previous = EventIds.next().getMostSignificantBits();

        for (int i = 0; i < 100_000; i++) {
            UUID id = EventIds.next();
            long msb = id.getMostSignificantBits();

            assertThat(Long.compareUnsigned(msb, previous)).as("id %d after %d", i, previous).isPositive();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            previous = msb;
        }
    }

    @Test
    void makesUniqueIdsAcrossThreadsEachIncreasingWithinItsThread() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        Set<UUID> all = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> increasing = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                increasing.add(pool.submit(() -> {
                    start.await();
                    long previous = Long.MIN_VALUE;
                    boolean ordered = true;
                    for (int i = 0; i < perThread; i++) {
                        UUID id = EventIds.next();
                        all.add(id);
                        ordered &= previous == Long.MIN_VALUE || Long.compareUnsigned(id.getMostSignificantBits(), previous) > 0;
                        previous = id.getMostSignificantBits();
                    }
                    return ordered;
                }));
            }
            start.countDown();
            for (Future<Boolean> result : increasing) {
                assertThat(result.get()).isTrue();
            }
        }

        assertThat(all).hasSize(threads * perThread);
    }

    @Test
    void encodesTheCurrentTimeInMilliseconds() {
        long before = System.currentTimeMillis();

        UUID id = EventIds.next();

        long after = System.currentTimeMillis();
        assertThat(EventIds.timestampOf(id)).isBetween(before, after + 1_000);
    }

    @Test
    void readsTheTimestampOfAHandMadeVersion7Uuid() {
        long millis = 0x0123_4567_89ABL;
        UUID id = new UUID((millis << 16) | 0x7000L, 0x8000_0000_0000_0000L);

        long timestamp = EventIds.timestampOf(id);

        assertThat(timestamp).isEqualTo(millis);
    }

    @Test
    void refusesTheTimestampOfAnotherUuidVersion() {
        UUID random = UUID.randomUUID();

        assertThatThrownBy(() -> EventIds.timestampOf(random))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a version 7 UUID")
                .hasMessageContaining(random.toString());
    }
}
