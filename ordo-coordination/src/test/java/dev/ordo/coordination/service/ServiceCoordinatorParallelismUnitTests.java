package dev.ordo.coordination.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.coordination.RecordingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ServiceCoordinatorParallelismUnitTests {

    record Customer(String id, String name) {
    }

    record Order(String id, long cents) {
    }

    record Summary(String customer, long totalCents) {
    }

    private static final StepKey<Customer> CUSTOMER = StepKey.of("customer");
    private static final StepKey<List<Order>> ORDERS = StepKey.of("orders");
    private static final StepKey<Long> TOTAL = StepKey.of("total");

    private final ServiceCoordinator coordinator = ServiceCoordinator.ofDefaults();
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void runsIndependentStepsAtTheSameTime() {
        // the barrier trips only when all three steps wait at it together; run one after the other, the first
        // step's await times out and the run fails
        CyclicBarrier allThreeRunning = new CyclicBarrier(3);
        StepKey<String> first = StepKey.of("first");
        StepKey<String> second = StepKey.of("second");
        StepKey<String> third = StepKey.of("third");
        ServiceGraph<Void, List<String>> graph = ServiceGraph.<Void, List<String>>builder("fan-out")
                .step(first, (in, r) -> meetAt(allThreeRunning, "1"))
                .step(second, (in, r) -> meetAt(allThreeRunning, "2"))
                .step(third, (in, r) -> meetAt(allThreeRunning, "3"))
                .aggregate((in, r) -> List.of(r.get(first), r.get(second), r.get(third)))
                .build();

        assertThat(coordinator.run(graph, null)).containsExactly("1", "2", "3");
    }

    @Test
    void startsADependentStepOnlyWhenAllItsInputsCompleted() throws Exception {
        CountDownLatch releaseCustomer = new CountDownLatch(1);
        AtomicBoolean totalStarted = new AtomicBoolean();
        RecordingListener listener = new RecordingListener();
        coordinator.eventPublisher().subscribe(listener);
        ServiceGraph<String, Summary> graph = ServiceGraph.<String, Summary>builder("summary")
                .step(CUSTOMER, (id, r) -> {
                    releaseCustomer.await();
                    return new Customer(id, "Ada");
                })
                .step(ORDERS, (id, r) -> List.of(new Order("o-1", 1_250), new Order("o-2", 750)))
                .step(TOTAL, List.of(CUSTOMER, ORDERS), (id, r) -> {
                    totalStarted.set(true);
                    return r.get(ORDERS).stream().mapToLong(Order::cents).sum();
                })
                .aggregate((id, r) -> new Summary(r.get(CUSTOMER).name(), r.get(TOTAL)))
                .build();

        Future<Summary> running = callers.submit(() -> coordinator.run(graph, "c-7"));
        await().until(() -> listener.described().containsAll(List.of("STEP_STARTED customer", "STEP_COMPLETED orders")));
        assertThat(totalStarted).as("total waits for the customer still being fetched").isFalse();

        releaseCustomer.countDown();

        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(new Summary("Ada", 2_000));
        assertThat(listener.described()).containsSubsequence("STEP_COMPLETED customer", "STEP_STARTED total");
    }

    @Test
    void letsAStepReadOnlyTheStepsItDeclaredAsDependencies() {
        ServiceGraph<Void, Long> graph = ServiceGraph.<Void, Long>builder("sneaky")
                .step(ORDERS, (in, r) -> List.of(new Order("o-1", 100)))
                .step(CUSTOMER, (in, r) -> new Customer("c-1", "Bob"))
                .step(TOTAL, List.of(ORDERS), (in, r) -> r.get(CUSTOMER).name().length() + 0L)
                .aggregate((in, r) -> r.get(TOTAL))
                .build();

        assertThatThrownBy(() -> coordinator.run(graph, null))
                .isInstanceOf(CoordinationException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessage("step 'total' may not read step 'customer': it is not a declared dependency; "
                        + "readable: [orders]");
    }

    @Test
    void givesTheAggregatorEveryResultIncludingNullOnes() {
        StepKey<String> nothing = StepKey.of("nothing");
        ServiceGraph<Integer, String> graph = ServiceGraph.<Integer, String>builder("nulls")
                .step(nothing, (in, r) -> null)
                .step(TOTAL, List.of(nothing), (in, r) -> in * 2L)
                .aggregate((in, r) -> r.get(nothing) + "/" + r.find(nothing).isPresent() + "/" + r.contains(nothing)
                        + "/" + r.get(TOTAL) + "/" + r.steps())
                .build();

        assertThat(coordinator.run(graph, 21)).isEqualTo("null/false/true/42/[nothing, total]");
    }

    @Test
    void runsOneGraphManyTimesConcurrently() throws Exception {
        ServiceGraph<Integer, Long> graph = ServiceGraph.<Integer, Long>builder("square")
                .step(TOTAL, (in, r) -> (long) in * in)
                .step(ORDERS, List.of(TOTAL), (in, r) -> List.of(new Order("o", r.get(TOTAL))))
                .aggregate((in, r) -> r.get(ORDERS).getFirst().cents())
                .build();
        List<Future<Long>> runs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int input = i;
            runs.add(callers.submit(() -> coordinator.run(graph, input)));
        }

        for (int i = 0; i < 50; i++) {
            assertThat(runs.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((long) i * i);
        }
    }

    @Test
    void carriesTheCallersLoggingContextIntoStepThreads() {
        AtomicReference<String> seen = new AtomicReference<>();
        ServiceGraph<Void, String> graph = ServiceGraph.<Void, String>builder("traced")
                .step(CUSTOMER, (in, r) -> {
                    seen.set(MDC.get("correlationId"));
                    return new Customer("c", "Cy");
                })
                .aggregate((in, r) -> r.get(CUSTOMER).name())
                .build();

        MDC.put("correlationId", "corr-42");
        try {
            coordinator.run(graph, null);
        } finally {
            MDC.remove("correlationId");
        }

        assertThat(seen).hasValue("corr-42");
    }

    private static String meetAt(CyclicBarrier barrier, String value) throws Exception {
        barrier.await(10, TimeUnit.SECONDS);
        return value;
    }
}
