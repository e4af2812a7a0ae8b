package dev.ordo.bench.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Runs a number of closed-loop clients, one virtual thread each, for a warm-up and then a measurement of fixed
 * duration, and merges what they saw, with the CPU time the server's processes and this driver used during the
 * measurement (all their threads: request handling, JIT compilation, GC). Each client sends its next request as
 * soon as it has the previous answer, so the latencies are those of a saturated closed system: they leave out the
 * time a request would have waited to be sent had the load been offered at a fixed rate.
 */
final class LoadRun {

    /** One client's next piece of work; request failures are recorded in the stats, not thrown. */
    interface Client {
        void step(ClientStats stats) throws InterruptedException;
    }

    private LoadRun() {
    }

    /**
     * Runs {@code clients} clients made by {@code factory} (given each client's index) against the {@code server}
     * (its processes' CPU is measured) until the measurement ends, then waits for each to finish its step.
     *
     * @throws IllegalStateException if a client threw (a bug in the driver, not a failed request)
     */
    static ClientStats.Totals run(Deployment server, int clients, Duration warmup, Duration measurement,
                                  IntFunction<Client> factory) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        List<ClientStats> stats = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = factory.apply(c);
            ClientStats clientStats = new ClientStats(measuring::get);
            stats.add(clientStats);
            threads.add(Thread.ofVirtual().name("http-client-" + c).start(() -> {
                try {
                    while (running.get()) {
                        client.step(clientStats);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        Thread.sleep(warmup);
        Duration serverCpu = server.cpu();
        Duration driverCpu = cpu(ProcessHandle.current());
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measurement);
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        serverCpu = server.cpu().minus(serverCpu);
        driverCpu = cpu(ProcessHandle.current()).minus(driverCpu);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.getFirst());
        }
        return ClientStats.Totals.of(stats, elapsed / 1e9, serverCpu, driverCpu);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time of process " + process.pid()));
    }
}
