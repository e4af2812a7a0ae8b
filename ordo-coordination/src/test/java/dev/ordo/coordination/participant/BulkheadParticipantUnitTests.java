package dev.ordo.coordination.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkheadParticipantUnitTests {

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch twoRunning = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private final Participant catalog = Participant.of("catalog",
            ParticipantConfig.builder().bulkhead(2, Duration.ZERO).timeLimit(Duration.ofSeconds(30)).build(),
            CircuitBreakerRegistry.ofDefaults());

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void refusesACallBeyondTheConcurrentLimitWithoutMakingIt() throws Exception {
        List<Future<String>> running = startTwoBlockingCalls();

        assertThatThrownBy(() -> catalog.call(this::count)).isInstanceOf(BulkheadFullException.class);
        assertThat(catalog.call(this::count, failure -> "busy")).isEqualTo("busy");
        assertThat(calls).hasValue(2);

        release.countDown();
        for (Future<String> call : running) {
            assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("price list");
        }
        assertThat(catalog.call(this::count)).isEqualTo("counted");
    }

    private List<Future<String>> startTwoBlockingCalls() throws InterruptedException {
        List<Future<String>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(callers.submit(() -> catalog.call(() -> {
                calls.incrementAndGet();
                twoRunning.countDown();
                release.await();
                return "price list";
            })));
        }
        assertThat(twoRunning.await(10, TimeUnit.SECONDS)).isTrue();
        return running;
    }

    private String count() {
        calls.incrementAndGet();
        return "counted";
    }
}
