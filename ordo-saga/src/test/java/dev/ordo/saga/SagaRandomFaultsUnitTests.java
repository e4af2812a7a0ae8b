package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.saga.FulfilmentSaga.Data;
import dev.ordo.saga.ScriptedParticipant.Fault;
import dev.ordo.test.faults.FaultyEventStore;
import dev.ordo.test.faults.FaultyEventStore.When;
import dev.ordo.test.faults.SeededFaults;
import dev.ordo.test.faults.SimulatedCrash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many sagas under a seeded random schedule of faults: participants that fail, decline, do part of their work, meet
 * an outage, hang past the step's time limit (and sometimes land anyway), or crash the process; a store whose appends
 * fail before or after they commit, that crashes the process around an append or goes down for a while; cancellations
 * at random points; processes stopped at random moments. The whole history is then checked: every saga is finished
 * (parked only when one of its compensations was made to fail for good), no step took effect under any id but its
 * own, a completed saga left exactly its effects, and a compensated one none.
 *
 * <p>Runs {@value #SAGAS} sagas by default; {@code -Dordo.faults.sagas=5000} runs more, {@code -Dordo.faults.seed=N}
 * replays a schedule (as far as thread timing allows).
 */
class SagaRandomFaultsUnitTests {

    private static final Logger log = LoggerFactory.getLogger(SagaRandomFaultsUnitTests.class);
    private static final int SAGAS = 60;
    private static final List<String> STEPS = List.of("a", "b", "c", "d");
    private static final StepRetry RETRY = StepRetry.ofDefaults().withBackoff(Duration.ofMillis(1), 2,
            Duration.ofMillis(5)).withRandomization(0);
    private static final Fault[] ACTION_FAULTS = Fault.values();
    private static final Fault[] COMPENSATION_FAULTS = {Fault.FAIL, Fault.TRANSIENT, Fault.HANG, Fault.HANG_THEN_LAND,
            Fault.CRASH_BEFORE_EFFECT, Fault.CRASH_AFTER_EFFECT};

    private final int sagas = Integer.getInteger("ordo.faults.sagas", SAGAS);
    private final SeededFaults faults = SeededFaults.fromSystemPropertyOrRandom("SagaRandomFaultsUnitTests");
    private final int storeCrashes = Math.max(3, sagas / 20);
    private final int participantCrashes = Math.max(3, sagas / 20);
    private final AtomicInteger storeCrashesLeft = new AtomicInteger(storeCrashes);
    private final AtomicInteger stopsLeft = new AtomicInteger(Math.max(2, sagas / 30));
    private final AtomicInteger outagesLeft = new AtomicInteger(Math.max(2, sagas / 30));
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicLong downSince = new AtomicLong(-1);
    private final Map<UUID, AtomicInteger> appends = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> cancelAfter = new ConcurrentHashMap<>();
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();

    private final FaultyEventStore store = FaultyEventStore.wrap(new InMemoryEventStore());
    private final InMemorySagaIndex index = new InMemorySagaIndex();
    private final EngineRestarts[] processes = new EngineRestarts[1];
    private final ScriptedParticipant participant = new ScriptedParticipant(where -> processes[0].crash(where),
            participantCrashes);
    private final SagaDefinition<Data> saga = SagaDefinition.builder("random", JacksonStateCodec.of(Data.class, 1))
            .step(step("a")).parallel(step("b"), step("c")).step(step("d")).build();

    @AfterEach
    void stop() {
        processes[0].close();
    }

    @Test
    void sagasUnderRandomFaultsAllFinishWithEveryEffectOnceAndNothingLeftBehindWhenCompensated() {
        int restartsAtMost = storeCrashes + participantCrashes + stopsLeft.get();
        processes[0] = new EngineRestarts(() -> SagaEngine.builder(store, index).register(saga)
                .pollInterval(Duration.ofMillis(10)).transientBackoff(Duration.ofMillis(1), Duration.ofMillis(20))
                .resumptionLimit(restartsAtMost + 1).abandonedActionWait(Duration.ofSeconds(10)).build());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < sagas; i++) {
            ids.add(plan());
        }
        store.inject(this::strike);

        for (UUID id : ids) {
            startAsAClientWould(id);
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60 + sagas / 20)).pollInterval(Duration.ofMillis(5))
                    .ignoreExceptionsInstanceOf(EventStoreUnavailableException.class)
                    .until(() -> {
                        tick();
                        return ids.stream().allMatch(id -> finished(processes[0].engine().state(id)));
                    });
        } catch (ConditionTimeoutException stuck) {
            store.heal();
            throw new AssertionError("sagas did not finish, " + faults + ": " + unfinished(ids), stuck);
        }
        store.heal();

        Map<UUID, SagaState> states = new LinkedHashMap<>();
        ids.forEach(id -> states.put(id, processes[0].engine().state(id)));
        log.info("{} sagas, {}: {}; {} restarts, {} faults struck in the store, {} met by participants, {} late "
                        + "actions refused, {} cancelled", sagas, faults, states.values().stream().collect(
                        Collectors.groupingBy(SagaState::status, Collectors.counting())), processes[0].restarts(),
                store.injected(), participant.faultsMet(), participant.refusedLate(), cancelled.size());
        states.forEach(this::checkInvariants);
    }

    private String unfinished(List<UUID> ids) {
        SagaEngine engine = processes[0].engine();
        return ids.stream().filter(id -> !finished(engine.state(id))).map(id -> id + " " + engine.state(id).status()
                        + " " + engine.state(id).steps().values() + " index " + index.get(id) + " history "
                        + engine.history(id).stream().map(e -> e.eventType() + e.payload()).toList())
                .collect(Collectors.joining("\n", "\n", ""));
    }

    /** A saga and its faults: scripts for its steps and compensations, maybe a cancellation, maybe a parking. */
    private UUID plan() {
        UUID id = UUID.randomUUID();
        for (String step : STEPS) {
            String invocation = id + ":" + step;
            participant.script(invocation, faults.chance(0.5) ? List.of() : draw(ACTION_FAULTS, 1 + faults.nextInt(3)));
            List<Fault> undo = faults.chance(0.6) ? List.of() : draw(COMPENSATION_FAULTS, 1 + faults.nextInt(3));
            // a compensation may fail as many times as it has attempts but one: it must not be parked by chance
            long counted = undo.stream().filter(f -> f == Fault.FAIL || f == Fault.HANG || f == Fault.HANG_THEN_LAND)
                    .count();
            participant.script(invocation + ":compensate", counted < RETRY.maxAttempts() ? undo : List.of());
        }
        if (faults.chance(0.03)) {
            participant.failForever(id + ":" + STEPS.get(faults.nextInt(STEPS.size())) + ":compensate");
        }
        if (faults.chance(0.25)) {
            cancelAfter.put(id, 1 + faults.nextInt(10));
        }
        return id;
    }

    private List<Fault> draw(Fault[] from, int count) {
        List<Fault> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drawn.add(faults.pick(from));
        }
        return drawn;
    }

    /** The store's faults, at every append: crashes, transient failures, outages, cancellations, stops. */
    private void strike(When when, dev.ordo.core.event.StreamId stream, List<dev.ordo.core.event.EventData> events) {
        if (!stream.category().equals("saga")) {
            return;
        }
        UUID sagaId = UUID.fromString(stream.idPart());
        if (when == When.AFTER) {
            int appended = appends.computeIfAbsent(sagaId, k -> new AtomicInteger()).incrementAndGet();
            if (cancelAfter.getOrDefault(sagaId, -1) == appended) {
                Thread.ofVirtual().start(() -> cancel(sagaId));
            }
        }
        if (faults.chance(0.004) && stopsLeft.getAndDecrement() > 0) {
            stopRequested.set(true);
        }
        if (faults.chance(0.01) && storeCrashesLeft.getAndDecrement() > 0) {
            throw processes[0].crash(when + " an append to " + stream);
        }
        if (faults.chance(0.03)) {
            throw when == When.BEFORE ? EventStoreUnavailableException.notWritten("injected: refused", null)
                    : new EventStoreUnavailableException("injected: no answer after the commit");
        }
        if (faults.chance(0.003) && outagesLeft.getAndDecrement() > 0) {
            downSince.set(store.injected());
            store.down(true);
            throw new EventStoreUnavailableException("injected: the database went away");
        }
    }

    /** What the test does between looks: restarts a dead process, stops a live one, ends an outage. */
    private void tick() {
        processes[0].restartIfDead();
        if (stopRequested.getAndSet(false)) {
            processes[0].restart();
        }
        long since = downSince.get();
        if (since >= 0 && store.injected() > since + 30 && downSince.compareAndSet(since, -1)) {
            store.down(false);
        }
    }

    private void cancel(UUID sagaId) {
        try {
            if (processes[0].engine().cancel(sagaId, "changed their mind", EventMetadata.empty())) {
                cancelled.add(sagaId);
            }
        } catch (RuntimeException | SimulatedCrash lost) {
            log.debug("a cancellation of {} was lost: {}", sagaId, lost.toString());
        }
    }

    /** Starts the saga, asking again (the next process, once the store is back) until it is known to exist. */
    private void startAsAClientWould(UUID id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                .ignoreExceptionsMatching(e -> e instanceof EventStoreUnavailableException
                        || e instanceof SimulatedCrash)
                .until(() -> {
                    tick();
                    SagaEngine engine = processes[0].engine();
                    engine.start(saga, id, new Data(id.toString(), null, null, null), EventMetadata.empty());
                    return engine.state(id).exists();
                });
    }

    private static boolean finished(SagaState state) {
        return state.exists() && (state.status().isFinished() || state.status() == SagaStatus.PARKED);
    }

    private void checkInvariants(UUID id, SagaState state) {
        String context = "saga " + id + " (" + state.status() + ", " + state.failure() + ", steps " + state.steps()
                + "), " + faults;
        List<String> own = STEPS.stream().map(step -> id + ":" + step).toList();
        assertThat(participant.appliedFor(id.toString())).as("effects under ids of other steps: " + context)
                .isSubsetOf(own);
        switch (state.status()) {
            case COMPLETED -> {
                assertThat(own).as("a completed saga leaves exactly its effects: " + context)
                        .allSatisfy(invocation -> {
                            assertThat(participant.applied(invocation)).as(invocation).isTrue();
                            assertThat(participant.undone(invocation)).as(invocation).isFalse();
                        });
                assertThat(cancelled).as("a cancellation accepted before completion: " + context).doesNotContain(id);
            }
            case COMPENSATED -> assertThat(own).as("a compensated saga leaves nothing behind: " + context)
                    .allSatisfy(invocation -> assertThat(!participant.applied(invocation)
                            || participant.undone(invocation)).as(invocation).isTrue());
            case PARKED -> assertThat(STEPS).as("parked only when a compensation fails for good: " + context)
                    .anySatisfy(step -> assertThat(participant.failsForever(id + ":" + step + ":compensate")).isTrue());
            case RUNNING, COMPENSATING -> throw new AssertionError("unfinished: " + context);
        }
        assertThat(state.steps().values()).as("attempts within the policy: " + context)
                .allSatisfy(step -> assertThat(step.attempts()).isLessThanOrEqualTo(RETRY.maxAttempts()));
    }

    private SagaStep<Data> step(String name) {
        return SagaStep.<Data>named(name)
                .action(context -> {
                    participant.act(context.invocationId());
                    return StepOutcome.done();
                })
                .compensation(context -> {
                    participant.undo(context.invocationId());
                    return null;
                })
                .timeout(Duration.ofMillis(100))
                .retry(RETRY)
                .build();
    }
}
