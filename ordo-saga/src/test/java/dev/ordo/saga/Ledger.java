package dev.ordo.saga;

import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.test.faults.SimulatedCrash;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake participant that behaves like a real idempotent service: an operation takes effect at most once per
 * invocation id; undoing it takes the effect back, or, when there is nothing to undo, leaves a fence so that a late
 * call with that id is refused. It counts calls and effects separately, and can be told to fail, to fail only a few
 * times, to fail as the infrastructure does (transiently), to hang until interrupted, or to crash its caller's
 * process. Thread-safe.
 */
final class Ledger {

    /** What a named operation does when called. */
    enum Behaviour {
        SUCCEED, FAIL, FAIL_NON_RETRYABLE, FAIL_AFTER_EFFECT, HANG_BEFORE_EFFECT, HANG_AFTER_EFFECT,
        CRASH_BEFORE_EFFECT, CRASH_AFTER_EFFECT
    }

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> transientLeft = new ConcurrentHashMap<>();
    private final Map<String, Queue<Behaviour>> nextBehaviours = new ConcurrentHashMap<>();
    private final Semaphore hangs = new Semaphore(0);
    private volatile Function<String, ? extends Error> crash = SimulatedCrash::new;
    private final CountDownLatch never = new CountDownLatch(1);
    /** Invocation id to operation, for every effect that took place (and was maybe undone since). */
    private final Map<String, String> effects = new LinkedHashMap<>();
    private final Set<String> undone = new HashSet<>();
    private final Set<String> fenced = new HashSet<>();
    private final List<String> effectOrder = new ArrayList<>();

    void set(String operation, Behaviour behaviour) {
        behaviours.put(operation, behaviour);
    }

    void failTimes(String operation, int times) {
        failuresLeft.put(operation, new AtomicInteger(times));
    }

    /** The next {@code times} calls fail as an unreachable database does (a transient failure). */
    void failTransientlyTimes(String operation, int times) {
        transientLeft.put(operation, new AtomicInteger(times));
    }

    /** The next call of the operation behaves so (hangs until interrupted, crashes...), once; then as before. */
    void once(String operation, Behaviour behaviour) {
        nextBehaviours.computeIfAbsent(operation, k -> new ConcurrentLinkedQueue<>()).add(behaviour);
    }

    /** What a crash of the calling process throws (a {@code SimulatedCrash} that also tells the test rig). */
    void crashWith(Function<String, ? extends Error> value) {
        crash = value;
    }

    /** Waits until one more call hangs. */
    boolean awaitHang() throws InterruptedException {
        return hangs.tryAcquire(20, TimeUnit.SECONDS);
    }

    /** Performs {@code operation} for an invocation: the effect happens at most once per invocation id. */
    String call(String operation, String invocationId) throws InterruptedException {
        Behaviour behaviour = enter(operation);
        synchronized (this) {
            if (fenced.contains(invocationId)) {
                throw new NonRetryableStepException(operation + " " + invocationId + " was undone before it arrived");
            }
            if (!effects.containsKey(invocationId)) {
                effects.put(invocationId, operation);
                effectOrder.add(operation);
            }
        }
        leave(operation, behaviour);
        return operation + "#" + invocationId.substring(invocationId.length() - 6);
    }

    /**
     * Undoes what {@code operation} did for the action's invocation id (the compensation's id without
     * {@code :compensate}), recording {@code undoName} as an effect; with nothing to undo, fences the id instead.
     */
    void undo(String operation, String undoName, String compensationId) throws InterruptedException {
        Behaviour behaviour = enter(undoName);
        String actionId = compensationId.substring(0, compensationId.length() - ":compensate".length());
        synchronized (this) {
            if (operation.equals(effects.get(actionId)) && undone.add(actionId)) {
                effectOrder.add(undoName);
            } else if (!effects.containsKey(actionId)) {
                fenced.add(actionId);
            }
        }
        leave(undoName, behaviour);
    }

    private Behaviour enter(String operation) throws InterruptedException {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger transientFailures = transientLeft.get(operation);
        if (transientFailures != null && transientFailures.getAndDecrement() > 0) {
            throw new EventStoreUnavailableException("the database of " + operation + " is down");
        }
        AtomicInteger left = failuresLeft.get(operation);
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException(operation + " is briefly unavailable");
        }
        Queue<Behaviour> queued = nextBehaviours.get(operation);
        Behaviour once = queued == null ? null : queued.poll();
        Behaviour behaviour = once != null ? once : behaviours.getOrDefault(operation, Behaviour.SUCCEED);
        switch (behaviour) {
            case FAIL -> throw new IllegalStateException(operation + " failed");
            case FAIL_NON_RETRYABLE -> throw new NonRetryableStepException(operation + " was declined");
            case HANG_BEFORE_EFFECT -> hang();
            case CRASH_BEFORE_EFFECT -> throw crash.apply("in " + operation + " before its effect");
            default -> { }
        }
        return behaviour;
    }

    private void leave(String operation, Behaviour behaviour) throws InterruptedException {
        switch (behaviour) {
            case HANG_AFTER_EFFECT -> hang();
            case CRASH_AFTER_EFFECT -> throw crash.apply("in " + operation + " after its effect");
            case FAIL_AFTER_EFFECT -> throw new NonRetryableStepException(operation + " did part of its work, then "
                    + "was declined");
            default -> { }
        }
    }

    private void hang() throws InterruptedException {
        hangs.release();
        never.await();
    }

    int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** The operations whose effect happened (undoing included), in order, each at most once per invocation. */
    synchronized List<String> effects() {
        return List.copyOf(effectOrder);
    }

    /** The operations whose effect is in place now: done and not undone. */
    synchronized List<String> outstanding() {
        return effects.entrySet().stream().filter(e -> !undone.contains(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }
}
