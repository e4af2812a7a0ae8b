package dev.ordo.saga;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake participant that does its work once per invocation id, like a real idempotent service: it counts calls
 * and effects separately, and can be told to fail, to fail only a few times, or to hang.
 */
final class Ledger {

    /** What a named operation does when called. */
    enum Behaviour { SUCCEED, FAIL, FAIL_NON_RETRYABLE, HANG_BEFORE_EFFECT, HANG_AFTER_EFFECT }

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, String> effects = new ConcurrentHashMap<>();
    private final List<String> effectOrder = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final CountDownLatch hung = new CountDownLatch(1);
    private final CountDownLatch never = new CountDownLatch(1);

    void set(String operation, Behaviour behaviour) {
        behaviours.put(operation, behaviour);
    }

    void failTimes(String operation, int times) {
        failuresLeft.put(operation, new AtomicInteger(times));
    }

    /** Performs {@code operation} for an invocation: the effect happens at most once per invocation id. */
    String call(String operation, String invocationId) throws InterruptedException {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger left = failuresLeft.get(operation);
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException(operation + " is briefly unavailable");
        }
        Behaviour behaviour = behaviours.getOrDefault(operation, Behaviour.SUCCEED);
        switch (behaviour) {
            case FAIL -> throw new IllegalStateException(operation + " failed");
            case FAIL_NON_RETRYABLE -> throw new NonRetryableStepException(operation + " was declined");
            case HANG_BEFORE_EFFECT -> hang(operation);
            default -> { }
        }
        String result = effects.computeIfAbsent(invocationId, id -> {
            effectOrder.add(operation);
            return operation + "#" + id.substring(id.length() - 6);
        });
        if (behaviour == Behaviour.HANG_AFTER_EFFECT) {
            hang(operation);
        }
        return result;
    }

    private void hang(String operation) throws InterruptedException {
        behaviours.put(operation, Behaviour.SUCCEED);
        hung.countDown();
        never.await();
    }

    int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** The operations whose effect happened, in order, each at most once per invocation. */
    List<String> effects() {
        synchronized (effectOrder) {
            return List.copyOf(effectOrder);
        }
    }
}
