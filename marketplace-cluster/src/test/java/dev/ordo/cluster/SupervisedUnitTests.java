package dev.ordo.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedUnitTests {

    /** A process that runs until it is stopped or "killed". */
    private static final class Stub implements ChildProcess {
        private final long pid;
        private volatile boolean alive = true;

        Stub(long pid) {
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public void close() {
            alive = false;
        }
    }

    private final AtomicLong pids = new AtomicLong(100);
    private final List<Stub> started = new ArrayList<>();

    private Stub start() {
        Stub stub = new Stub(pids.incrementAndGet());
        started.add(stub);
        return stub;
    }

    @Test
    void aPauseThatComesWhileARestartIsUnderWayStopsTheProcessTheRestartStarted() throws Exception {
        CountDownLatch restartMayFinish = new CountDownLatch(1);
        List<Long> told = new ArrayList<>();
        boolean[] first = {true};
        Supervised<Stub> process = Supervised.start("kafka", () -> {
            if (!first[0]) {
                restartMayFinish.await();
            }
            first[0] = false;
            return start();
        }, restarted -> told.add(restarted.pid()));
        started.getFirst().close(); // killed

        assertThat(process.claimRestart()).isTrue();
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
            try {
                process.restartClaimed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(process.claimStop()).as("no stop while the restart is under way").isFalse();
        restartMayFinish.countDown();
        restart.join();

        assertThat(told).containsExactly(started.get(1).pid());
        assertThat(process.claimStop()).isTrue();
        process.stopClaimed();
        assertThat(started.get(1).isAlive()).as("the process the restart started is stopped").isFalse();
        assertThat(process.claimRestart()).as("the caller decides whether a stopped process starts again").isTrue();
    }

    @Test
    void theStateFileKeepsWhichProcessesArePausedUntilOneIsStartedAgain(@TempDir Path folder) {
        Path file = folder.resolve("cluster.properties");
        ClusterState paused = ClusterState.starting(1).withKafka("127.0.0.1:9092", 7).withService("orders",
                "http://127.0.0.1:8082", 8).withPaused("kafka").withPaused("orders");
        paused.write(file);

        assertThat(ClusterState.read(file)).contains(paused);
        assertThat(ClusterState.read(file).orElseThrow().paused()).containsExactlyInAnyOrder("kafka", "orders");
        assertThat(paused.withKafka("127.0.0.1:9092", 9).paused()).containsExactly("orders");
    }
}
