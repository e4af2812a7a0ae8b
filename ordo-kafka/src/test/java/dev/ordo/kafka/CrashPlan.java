package dev.ordo.kafka;

import dev.ordo.test.faults.SeededFaults;
import dev.ordo.test.faults.SimulatedCrash;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Where and how one relay's publishing is cut short: after a seeded number of sends (mid-transaction), just before a
 * commit, or just after a commit that Kafka applied but the relay never heard of.
 */
final class CrashPlan {

    /** How the relay is cut short. */
    enum Kind {
        /** The process dies: its producers are abandoned with their transaction open and it makes no new ones. */
        DEATH,
        /** The publishing thread is interrupted: the relay discards its producer without committing and goes on. */
        INTERRUPT
    }

    /** Where in the transaction. */
    enum Point { MID_TRANSACTION, BEFORE_COMMIT, AFTER_COMMIT }

    final Kind kind;
    final Point point;
    private final List<Producer<String, byte[]>> created = new CopyOnWriteArrayList<>();
    private final CountDownLatch crashed = new CountDownLatch(1);
    private int sendsLeft;

    CrashPlan(Kind kind, Point point, int sendsBeforeCrash) {
        this.kind = kind;
        this.point = point;
        this.sendsLeft = sendsBeforeCrash;
    }

    static CrashPlan drawn(SeededFaults faults, int batchSize) {
        return new CrashPlan(faults.pick(Kind.values()), faults.pick(Point.values()), 1 + faults.nextInt(3 * batchSize));
    }

    /** Producers that crash by this plan, for the relay under test. */
    Function<Map<String, Object>, Producer<String, byte[]>> producers() {
        return settings -> {
            checkAlive();
            return new CrashingProducer(new KafkaProducer<>(settings), this);
        };
    }

    boolean awaitCrash(Duration timeout) throws InterruptedException {
        return crashed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isDead() {
        return kind == Kind.DEATH && crashed.getCount() == 0;
    }

    /** Closes every real producer made under this plan, the abandoned ones too. */
    void closeAll() {
        created.forEach(p -> p.close(Duration.ofSeconds(5)));
    }

    @Override
    public String toString() {
        return kind + " at " + point + " after " + sendsLeft + " more sends";
    }

    void created(Producer<String, byte[]> producer) {
        created.add(producer);
    }

    void checkAlive() {
        if (isDead()) {
            throw new SimulatedCrash("of a relay that already died");
        }
    }

    synchronized void beforeSend() {
        checkAlive();
        if (crashed.getCount() > 0 && sendsLeft > 0) {
            sendsLeft--;
            if (sendsLeft == 0 && point == Point.MID_TRANSACTION) {
                crash("in the middle of a transaction");
            }
        }
    }

    synchronized void beforeCommit() {
        checkAlive();
        if (crashed.getCount() > 0 && sendsLeft == 0 && point == Point.BEFORE_COMMIT) {
            crash("just before a commit");
        }
    }

    synchronized void afterCommit() {
        if (crashed.getCount() > 0 && sendsLeft == 0 && point == Point.AFTER_COMMIT) {
            crash("just after a commit");
        }
    }

    private void crash(String where) {
        crashed.countDown();
        if (kind == Kind.DEATH) {
            throw new SimulatedCrash(where);
        }
        throw new InterruptException("interrupted " + where, new InterruptedException());
    }
}
