package dev.ordo.saga;

import dev.ordo.core.store.EventStoreUnavailableException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A participant for random fault schedules. Each invocation id (an action's, or a compensation's) has a script of
 * faults that its calls meet in turn, after which they succeed. An action's effect is applied at most once per
 * invocation id; the compensation takes it back, or, when there is nothing to take back, fences the id so that an
 * action arriving late is refused. Everything is recorded, for the invariants. Thread-safe.
 */
final class ScriptedParticipant {

    /** What one call meets. */
    enum Fault {
        /** Fails; a retry may succeed. */
        FAIL,
        /** Fails for good (a decline). */
        DECLINE,
        /** Does part of its work, then fails for good. */
        DECLINE_AFTER_EFFECT,
        /** Its database is away for a moment. */
        TRANSIENT,
        /** Hangs until interrupted (the step times out, or the process stops), having done nothing. */
        HANG,
        /** Hangs until interrupted, and then takes effect anyway: a request that was already on its way. */
        HANG_THEN_LAND,
        /** The process dies before the effect. */
        CRASH_BEFORE_EFFECT,
        /** The process dies after the effect. */
        CRASH_AFTER_EFFECT
    }

    private final Function<String, Error> crash;
    private final AtomicInteger crashesLeft;
    private final Map<String, Queue<Fault>> scripts = new ConcurrentHashMap<>();
    private final Set<String> failingForever = ConcurrentHashMap.newKeySet();
    private final Set<String> applied = new HashSet<>();
    private final Set<String> undone = new HashSet<>();
    private final Set<String> fenced = new HashSet<>();
    private final AtomicInteger refusedLate = new AtomicInteger();
    private final AtomicInteger faultsMet = new AtomicInteger();

    /**
     * @param crash   what a crash throws (and how the test learns that the process died)
     * @param crashes how many crashes the participant may cause in all; scripted crashes past it do nothing
     */
    ScriptedParticipant(Function<String, Error> crash, int crashes) {
        this.crash = crash;
        this.crashesLeft = new AtomicInteger(crashes);
    }

    void script(String invocationId, List<Fault> faults) {
        scripts.put(invocationId, new ConcurrentLinkedQueue<>(faults));
    }

    /** Every call of this compensation fails: its saga ends parked. */
    void failForever(String compensationId) {
        failingForever.add(compensationId);
    }

    boolean failsForever(String compensationId) {
        return failingForever.contains(compensationId);
    }

    /** An action call. */
    void act(String invocationId) throws InterruptedException {
        Fault fault = next(invocationId);
        switch (fault) {
            case FAIL -> throw new IllegalStateException("injected: " + invocationId + " failed");
            case DECLINE -> throw new NonRetryableStepException("injected: " + invocationId + " was declined");
            case TRANSIENT -> throw new EventStoreUnavailableException("injected: the database of " + invocationId
                    + " is away");
            case HANG -> new CountDownLatch(1).await();
            case HANG_THEN_LAND -> {
                try {
                    new CountDownLatch(1).await();
                } finally {
                    apply(invocationId);
                }
            }
            case CRASH_BEFORE_EFFECT -> crash("in " + invocationId + " before its effect");
            case DECLINE_AFTER_EFFECT, CRASH_AFTER_EFFECT -> { }
            case null -> { }
        }
        apply(invocationId);
        if (fault == Fault.DECLINE_AFTER_EFFECT) {
            throw new NonRetryableStepException("injected: " + invocationId + " did part of its work, then was "
                    + "declined");
        }
        if (fault == Fault.CRASH_AFTER_EFFECT) {
            crash("in " + invocationId + " after its effect");
        }
    }

    /** A compensation call: {@code compensationId} is the action's invocation id with {@code :compensate}. */
    void undo(String compensationId) throws InterruptedException {
        if (failingForever.contains(compensationId)) {
            throw new IllegalStateException("injected: " + compensationId + " fails for good");
        }
        Fault fault = next(compensationId);
        switch (fault) {
            case FAIL, DECLINE -> throw new IllegalStateException("injected: " + compensationId + " failed");
            case TRANSIENT -> throw new EventStoreUnavailableException("injected: the database of " + compensationId
                    + " is away");
            case HANG -> new CountDownLatch(1).await();
            case HANG_THEN_LAND -> {
                try {
                    new CountDownLatch(1).await();
                } finally {
                    takeBack(compensationId);
                }
            }
            case CRASH_BEFORE_EFFECT -> crash("in " + compensationId + " before its effect");
            case DECLINE_AFTER_EFFECT, CRASH_AFTER_EFFECT -> { }
            case null -> { }
        }
        takeBack(compensationId);
        if (fault == Fault.CRASH_AFTER_EFFECT) {
            crash("in " + compensationId + " after its effect");
        }
    }

    private synchronized void takeBack(String compensationId) {
        String actionId = compensationId.substring(0, compensationId.length() - ":compensate".length());
        if (applied.contains(actionId)) {
            undone.add(actionId);
        } else {
            fenced.add(actionId);
        }
    }

    private Fault next(String invocationId) {
        Queue<Fault> script = scripts.get(invocationId);
        Fault fault = script == null ? null : script.poll();
        if (fault != null) {
            faultsMet.incrementAndGet();
        }
        return fault;
    }

    /** Dies here, unless the crashes allowed are used up. */
    private void crash(String where) {
        if (crashesLeft.getAndDecrement() > 0) {
            throw crash.apply(where);
        }
    }

    /** Applies the action's effect, once per id; refuses it when the id was fenced by a compensation. */
    private synchronized void apply(String invocationId) {
        if (fenced.contains(invocationId)) {
            refusedLate.incrementAndGet();
            throw new NonRetryableStepException("injected: " + invocationId + " arrived after it was undone");
        }
        applied.add(invocationId);
    }

    /** Whether the action of this invocation took effect (and was perhaps undone since). */
    synchronized boolean applied(String invocationId) {
        return applied.contains(invocationId);
    }

    synchronized boolean undone(String invocationId) {
        return undone.contains(invocationId);
    }

    /** The invocation ids whose actions took effect, of one saga. */
    synchronized List<String> appliedFor(String sagaId) {
        return applied.stream().filter(id -> id.startsWith(sagaId + ":")).sorted().toList();
    }

    int refusedLate() {
        return refusedLate.get();
    }

    int faultsMet() {
        return faultsMet.get();
    }
}
