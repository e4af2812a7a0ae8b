package dev.ordo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** Runs a load with a number of threads for a fixed time after a warm-up, and reports events per second. */
final class Measure {

    /** One thread's work: writes something and returns how many events it wrote. */
    interface Worker {
        long step() throws Exception;
    }

    /** Creates each thread's worker (and closes its resources when the run ends). */
    interface WorkerFactory {
        Worker create(int thread) throws Exception;
    }

    private Measure() {
    }

    /** Events per second over {@code seconds}, after {@code warmupSeconds} of the same load. */
    static double eventsPerSecond(int threads, double warmupSeconds, double seconds, WorkerFactory factory)
            throws Exception {
        LongAdder counted = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch ready = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Worker worker = factory.create(t);
            Thread thread = Thread.ofPlatform().name("bench-" + t).start(() -> {
                ready.countDown();
                try {
                    while (running.get()) {
                        long n = worker.step();
                        if (counting.get()) {
                            counted.add(n);
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    if (worker instanceof AutoCloseable closeable) {
                        try {
                            closeable.close();
                        } catch (Exception ignored) {
                            // the run is over
                        }
                    }
                }
            });
            workers.add(thread);
        }
        ready.await();
        Thread.sleep((long) (warmupSeconds * 1000));
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        counting.set(false);
        long elapsed = System.nanoTime() - start;
        running.set(false);
        for (Thread thread : workers) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a benchmark thread failed", failures.getFirst());
        }
        return counted.sum() / (elapsed / 1e9);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
