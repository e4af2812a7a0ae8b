package dev.ordo.coordination.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import dev.ordo.coordination.RecordingListener;
import dev.ordo.coordination.event.CoordinationEvent;
import dev.ordo.coordination.service.ServiceCoordinatorConfig.RunningSteps;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServiceCoordinatorFailureUnitTests {

    /** The payment provider said no. */
    static final class PaymentDeclined extends RuntimeException {
        PaymentDeclined() {
            super("card declined");
        }
    }

    private static final StepKey<String> RESERVE = StepKey.of("reserve");
    private static final StepKey<String> HOLD = StepKey.of("hold");
    private static final StepKey<String> CHARGE = StepKey.of("charge");
    private static final StepKey<String> SHIP = StepKey.of("ship");

    private final List<String> undone = new CopyOnWriteArrayList<>();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void startsNoStepAfterAFailureAndReportsTheFailedStepWithItsCauseAndThePartialResults() {
        AtomicBoolean shipped = new AtomicBoolean();
        PaymentDeclined declined = new PaymentDeclined();
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, (order, r) -> "reservation-" + order)
                .step(CHARGE, List.of(RESERVE), (order, r) -> {
                    throw declined;
                })
                .step(SHIP, List.of(CHARGE), (order, r) -> {
                    shipped.set(true);
                    return "parcel";
                })
                .aggregate((order, r) -> r.get(SHIP))
                .build();

        CoordinationException failure = catchThrowableOfType(CoordinationException.class,
                () -> ServiceCoordinator.ofDefaults().run(graph, "o-1"));

        assertThat(shipped).isFalse();
        assertThat(failure.operation()).isEqualTo("checkout");
        assertThat(failure.failedStep()).contains("charge");
        assertThat(failure.getCause()).isSameAs(declined);
        assertThat(failure.partialResults().get(RESERVE)).isEqualTo("reservation-o-1");
        assertThat(failure.partialResults().contains(SHIP)).isFalse();
        assertThat(failure.partialResults().find(SHIP)).isEmpty();
        assertThat(failure).hasMessage("operation 'checkout' failed at step 'charge': " + declined + "; completed: "
                + "[reserve]");
    }

    @Test
    void interruptsRunningStepsWhenAStepFailsAndDoesNotCompensateThem() {
        CountDownLatch holdRunning = new CountDownLatch(1);
        AtomicBoolean holdInterrupted = new AtomicBoolean();
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(HOLD, List.of(), (order, r) -> {
                    holdRunning.countDown();
                    try {
                        new CountDownLatch(1).await();
                        return "never";
                    } catch (InterruptedException e) {
                        holdInterrupted.set(true);
                        throw e;
                    }
                }, (order, hold) -> undone.add("hold"))
                .step(CHARGE, (order, r) -> {
                    holdRunning.await();
                    throw new PaymentDeclined();
                })
                .aggregate((order, r) -> "unreachable")
                .build();

        CoordinationException failure = catchThrowableOfType(CoordinationException.class,
                () -> ServiceCoordinator.ofDefaults().run(graph, "o-2"));

        assertThat(holdInterrupted).isTrue();
        assertThat(failure.failedStep()).contains("charge");
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(failure.partialResults().steps()).isEmpty();
        assertThat(undone).isEmpty();
    }

    @Test
    void awaitsRunningStepsWhenConfiguredToAndCompensatesThemOnceTheyComplete() {
        CountDownLatch chargeFailed = new CountDownLatch(1);
        CountDownLatch holdRunning = new CountDownLatch(1);
        ServiceCoordinator coordinator = ServiceCoordinator.of(ServiceCoordinatorConfig.builder()
                .runningStepsOnFailure(RunningSteps.AWAIT).build());
        coordinator.eventPublisher().subscribe(event -> {
            if (event instanceof CoordinationEvent.StepFailed failed && failed.step().equals("charge")) {
                chargeFailed.countDown();
            }
        });
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(HOLD, List.of(), (order, r) -> {
                    holdRunning.countDown();
                    chargeFailed.await();
                    return "hold-1";
                }, (order, hold) -> undone.add(hold))
                .step(CHARGE, (order, r) -> {
                    holdRunning.await();
                    throw new PaymentDeclined();
                })
                .aggregate((order, r) -> "unreachable")
                .build();

        CoordinationException failure = catchThrowableOfType(CoordinationException.class,
                () -> coordinator.run(graph, "o-3"));

        assertThat(failure.partialResults().get(HOLD)).isEqualTo("hold-1");
        assertThat(failure.compensatedSteps()).containsExactly("hold");
        assertThat(undone).containsExactly("hold-1");
    }

    @Test
    void compensatesCompletedStepsInReverseCompletionOrderButNotTheFailedOne() {
        // hold completes only after reserve's completion was published, so reserve completes first
        CountDownLatch reserveCompleted = new CountDownLatch(1);
        ServiceCoordinator coordinator = ServiceCoordinator.ofDefaults();
        coordinator.eventPublisher().subscribe(event -> {
            if (event instanceof CoordinationEvent.StepCompleted completed && completed.step().equals("reserve")) {
                reserveCompleted.countDown();
            }
        });
        StepKey<String> audit = StepKey.of("audit");
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, List.of(), (order, r) -> "stock", (order, stock) -> undone.add("reserve:" + stock))
                .step(HOLD, List.of(), (order, r) -> {
                    reserveCompleted.await();
                    return "funds";
                }, (order, funds) -> undone.add("hold:" + funds))
                .step(audit, List.of(HOLD), (order, r) -> "logged")
                .step(CHARGE, List.of(RESERVE, audit), (order, r) -> {
                    throw new PaymentDeclined();
                }, (order, charge) -> undone.add("charge"))
                .aggregate((order, r) -> "unreachable")
                .build();

        CoordinationException failure = catchThrowableOfType(CoordinationException.class,
                () -> coordinator.run(graph, "o-4"));

        assertThat(undone).containsExactly("hold:funds", "reserve:stock");
        assertThat(failure.compensatedSteps()).containsExactly("hold", "reserve");
        assertThat(failure.partialResults().steps()).containsExactly("reserve", "hold", "audit");
    }

    @Test
    void keepsCompensatingWhenACompensationFailsAndReportsIt() {
        IllegalStateException stuck = new IllegalStateException("warehouse offline");
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, List.of(), (order, r) -> "stock", (order, stock) -> undone.add("reserve"))
                .step(HOLD, List.of(RESERVE), (order, r) -> "funds", (order, funds) -> {
                    throw stuck;
                })
                .step(CHARGE, List.of(HOLD), (order, r) -> {
                    throw new PaymentDeclined();
                })
                .aggregate((order, r) -> "unreachable")
                .build();
        ServiceCoordinator coordinator = ServiceCoordinator.ofDefaults();
        coordinator.eventPublisher().subscribe(listener);

        CoordinationException failure = catchThrowableOfType(CoordinationException.class,
                () -> coordinator.run(graph, "o-5"));

        assertThat(undone).containsExactly("reserve");
        assertThat(failure.compensatedSteps()).containsExactly("reserve");
        assertThat(failure.failedCompensations()).containsExactly(entry("hold", stuck));
        assertThat(failure).hasMessageEndingWith("; compensated: [reserve]; compensation failed for: [hold]");
        assertThat(listener.describedFor("hold")).containsExactly("STEP_STARTED hold", "STEP_COMPLETED hold",
                "COMPENSATING hold", "COMPENSATION_FAILED hold");
    }

    @Test
    void compensatesEveryStepWhenTheAggregatorFailsAndNamesNoStep() {
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, List.of(), (order, r) -> "stock", (order, stock) -> undone.add("reserve"))
                .step(CHARGE, List.of(RESERVE), (order, r) -> "paid", (order, paid) -> undone.add("charge"))
                .aggregate((order, r) -> {
                    throw new IllegalStateException("no summary template");
                })
                .build();

        CoordinationException failure = catchThrowableOfType(CoordinationException.class,
                () -> ServiceCoordinator.ofDefaults().run(graph, "o-6"));

        assertThat(failure.failedStep()).isEmpty();
        assertThat(failure).hasMessageStartingWith("operation 'checkout' failed outside its steps");
        assertThat(undone).containsExactly("charge", "reserve");
    }

    @Test
    void compensatesNothingWhenConfiguredNotTo() {
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(RESERVE, List.of(), (order, r) -> "stock", (order, stock) -> undone.add("reserve"))
                .step(CHARGE, List.of(RESERVE), (order, r) -> {
                    throw new PaymentDeclined();
                })
                .aggregate((order, r) -> "unreachable")
                .build();
        ServiceCoordinator coordinator = ServiceCoordinator.of(
                ServiceCoordinatorConfig.builder().compensate(false).build());

        CoordinationException failure = catchThrowableOfType(CoordinationException.class,
                () -> coordinator.run(graph, "o-7"));

        assertThat(undone).isEmpty();
        assertThat(failure.compensatedSteps()).isEmpty();
        assertThat(failure.partialResults().get(RESERVE)).isEqualTo("stock");
    }

    @Test
    void stopsTheStepsAndKeepsTheInterruptFlagWhenTheCallerIsInterrupted() throws Exception {
        CountDownLatch holdRunning = new CountDownLatch(1);
        AtomicBoolean holdInterrupted = new AtomicBoolean();
        AtomicReference<CoordinationException> thrown = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        ServiceGraph<String, String> graph = ServiceGraph.<String, String>builder("checkout")
                .step(HOLD, (order, r) -> {
                    holdRunning.countDown();
                    try {
                        new CountDownLatch(1).await();
                        return "never";
                    } catch (InterruptedException e) {
                        holdInterrupted.set(true);
                        throw e;
                    }
                })
                .aggregate((order, r) -> "unreachable")
                .build();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                ServiceCoordinator.ofDefaults().run(graph, "o-8");
            } catch (CoordinationException e) {
                thrown.set(e);
                flagAfterwards.set(Thread.currentThread().isInterrupted());
            }
        });
        holdRunning.await();

        caller.interrupt();

        await().until(() -> thrown.get() != null);
        caller.join();
        assertThat(holdInterrupted).isTrue();
        assertThat(flagAfterwards).isTrue();
        assertThat(thrown.get().failedStep()).isEmpty();
        assertThat(thrown.get().getCause()).isInstanceOf(InterruptedException.class);
    }
}
