package dev.ordo.marketplace.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This process among the marketplace processes that share a database: a stable instance id (the same after a
 * restart) and an epoch that grows with every start, recorded in {@code marketplace_instances} with a heartbeat.
 *
 * <p>What it guarantees to the owners of Idempotency-Key claims: a claim made by this instance in an earlier epoch is
 * dead (its process was replaced by this one, so the request died with it), and so is a claim of another instance
 * that started again since, or whose heartbeat is older than {@link #LEASE}. A claim of this very epoch belongs to a
 * request of this running process. Two processes must never run with the same instance id at the same time.
 * Thread-safe.
 */
final class ProcessEpoch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessEpoch.class);

    /** How long another instance may stay silent before its claims count as dead. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How often this process says it is alive. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** An owner of claims: an instance in one of its epochs. */
    record Owner(String instance, long epoch) {
        Owner {
            Objects.requireNonNull(instance, "instance");
        }
    }

    private final JdbcClient db;
    private final Clock clock;
    private final Owner self;
    private final Thread heartbeat;
    private final List<Runnable> onBeat = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    /**
     * Starts a new epoch for the instance (the first is 1) and begins beating.
     *
     * @param heartbeat whether to beat in the background (tests of liveness turn it off)
     */
    ProcessEpoch(JdbcClient db, Clock clock, String instance, boolean heartbeat) {
        this.db = db;
        this.clock = clock;
        this.self = new Owner(instance, begin(instance));
        log.info("process instance {} started its epoch {}", instance, self.epoch());
        this.heartbeat = heartbeat ? Thread.ofVirtual().name("marketplace-heartbeat").start(this::beat) : null;
    }

    /** Runs the task after every heartbeat, on the heartbeat's thread; it must be quick and must not throw. */
    void onBeat(Runnable task) {
        onBeat.add(Objects.requireNonNull(task, "task"));
    }

    /** This process: its instance id and current epoch. */
    Owner self() {
        return self;
    }

    /**
     * Whether a claim by the given owner may still be running: true only for this process's own epoch, or for another
     * instance that was not restarted since and beat within the lease. A claim with no owner (made before owners were
     * recorded) is dead.
     */
    boolean isAlive(Owner owner) {
        if (owner == null) {
            return false;
        }
        if (owner.instance().equals(self.instance())) {
            return owner.epoch() == self.epoch();
        }
        return db.sql("SELECT epoch, heartbeat_at FROM marketplace_instances WHERE instance_id = ?")
                .param(owner.instance())
                .query((rs, n) -> rs.getLong(1) == owner.epoch()
                        && clock.millis() - rs.getLong(2) <= LEASE.toMillis())
                .optional().orElse(false);
    }

    private long begin(String instance) {
        long now = clock.millis();
        int bumped = db.sql("UPDATE marketplace_instances SET epoch = epoch + 1, heartbeat_at = ? WHERE instance_id = ?")
                .params(now, instance).update();
        if (bumped == 0) {
            db.sql("INSERT INTO marketplace_instances (instance_id, epoch, heartbeat_at) VALUES (?, 1, ?) "
                    + "ON CONFLICT (instance_id) DO UPDATE SET epoch = marketplace_instances.epoch + 1, heartbeat_at = ?")
                    .params(instance, now, now).update();
        }
        return db.sql("SELECT epoch FROM marketplace_instances WHERE instance_id = ?").param(instance)
                .query(Long.class).single();
    }

    private void beat() {
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(HEARTBEAT.toMillis());
                db.sql("UPDATE marketplace_instances SET heartbeat_at = ? WHERE instance_id = ? AND epoch = ?")
                        .params(clock.millis(), self.instance(), self.epoch()).update();
                onBeat.forEach(Runnable::run);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("could not record the heartbeat of instance {} (the database may be down): {}",
                        self.instance(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (heartbeat != null) {
            heartbeat.interrupt();
        }
    }
}
