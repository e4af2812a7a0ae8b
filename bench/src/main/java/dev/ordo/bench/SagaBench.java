package dev.ordo.bench;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.saga.SagaSummary;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcSagaIndex;
import dev.ordo.saga.NonRetryableStepException;
import dev.ordo.saga.SagaDefinition;
import dev.ordo.saga.SagaEngine;
import dev.ordo.saga.SagaStep;
import dev.ordo.saga.StepOutcome;
import dev.ordo.saga.StepRetry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sagas end to end through the engine on a real store: a four-step fulfilment (reserve, pay, ship, confirm) whose
 * participants answer at once (a zero-latency payment fake), with N sagas in flight. Reports finished sagas per
 * second with every step succeeding, and with 10 % of payments declined (those sagas compensate the reservation).
 * The raw baseline is the same number of commits per saga made with plain JDBC autocommit inserts from as many
 * threads: the throughput a hand-written "insert a row per step" would reach on this database.
 */
final class SagaBench {

    /** A saga's commits: started, 4 × (step started + step succeeded), completed. */
    private static final int COMMITS_PER_SAGA = 10;

    private final Backend backend;
    private final double warmup;
    private final double seconds;
    private final int inFlight;
    private final AtomicLong rawPosition = new AtomicLong(1_000_000_000L);

    record Order(String id, boolean declined) {
    }

    SagaBench(Backend backend, double warmup, double seconds, int inFlight) {
        this.backend = backend;
        this.warmup = warmup;
        this.seconds = seconds;
        this.inFlight = inFlight;
    }

    List<String> run() throws Exception {
        List<String> rows = new ArrayList<>();
        Map<UUID, CompletableFuture<SagaSummary>> waiting = new ConcurrentHashMap<>();
        Map<String, String> effects = new ConcurrentHashMap<>();
        SagaDefinition<Order> fulfilment = definition(effects);
        try (JdbcEventStore store = JdbcEventStore.create(backend.database);
             SagaEngine engine = SagaEngine.builder(store, JdbcSagaIndex.create(backend.database)).register(fulfilment)
                     .onFinished(summary -> {
                         CompletableFuture<SagaSummary> done = waiting.remove(summary.sagaId());
                         if (done != null) {
                             done.complete(summary);
                         }
                     }).build()) {
            for (double declineRate : new double[] {0, 0.1}) {
                AtomicLong compensated = new AtomicLong();
                double rate = Measure.eventsPerSecond(inFlight, warmup, seconds, thread -> () -> {
                    UUID id = UUID.randomUUID();
                    CompletableFuture<SagaSummary> done = new CompletableFuture<>();
                    waiting.put(id, done);
                    boolean declined = Math.floorMod(id.hashCode(), 1000) < declineRate * 1000;
                    engine.start(fulfilment, id, new Order(id.toString(), declined), EventMetadata.empty());
                    SagaSummary summary = done.get(60, TimeUnit.SECONDS);
                    if (summary.status() == SagaStatus.COMPENSATED) {
                        compensated.incrementAndGet();
                    }
                    return 1;
                });
                double raw = rawCommitsPerSecond() / COMMITS_PER_SAGA;
                String row = String.format(Locale.ROOT, "| %s | %d in flight, %.0f%% declined | %,.0f | %,.0f | %.2f |",
                        backend.name, inFlight, declineRate * 100, rate, raw, rate / raw);
                System.out.println(row);
                rows.add(row);
            }
        }
        return rows;
    }

    private static SagaDefinition<Order> definition(Map<String, String> effects) {
        StepRetry once = StepRetry.none();
        return SagaDefinition.builder("bench-fulfilment", JacksonStateCodec.of(Order.class, 1))
                .step(SagaStep.<Order>named("reserve").retry(once)
                        .action(ctx -> {
                            effects.putIfAbsent(ctx.invocationId(), "reserved");
                            return StepOutcome.done();
                        })
                        .compensation(ctx -> {
                            effects.remove(ctx.invocationId().replace(":compensate", ""));
                            return null;
                        }).build())
                .step(SagaStep.<Order>named("pay").retry(once)
                        .action(ctx -> {
                            if (ctx.data().declined()) {
                                throw new NonRetryableStepException("card declined");
                            }
                            effects.putIfAbsent(ctx.invocationId(), "paid");
                            return StepOutcome.done();
                        })
                        .compensation(ctx -> null).build())
                .step(SagaStep.<Order>named("ship").retry(once)
                        .action(ctx -> StepOutcome.done()).compensation(ctx -> null).build())
                .step(SagaStep.<Order>named("confirm").retry(once).action(ctx -> {
                    effects.remove(ctx.sagaId() + ":reserve");
                    effects.remove(ctx.sagaId() + ":pay");
                    return StepOutcome.done();
                }).build())
                .build();
    }

    private double rawCommitsPerSecond() throws Exception {
        AtomicLong position = rawPosition;
        return Measure.eventsPerSecond(inFlight, warmup, seconds, thread -> {
            Connection connection = backend.rawConnection();
            PreparedStatement insert = connection.prepareStatement(backend.insertSql());
            String stream = "raw-" + UUID.randomUUID();
            AtomicLong version = new AtomicLong();
            return new RawCommits(connection, insert, () -> {
                long v = version.incrementAndGet();
                backend.bindRow(insert, position.incrementAndGet(), stream, v, BenchEvents.event(v));
                insert.executeUpdate();
            });
        });
    }

    /** One raw commit per step, on a connection the worker owns. */
    private record RawCommits(Connection connection, PreparedStatement statement, Commit commit)
            implements Measure.Worker, AutoCloseable {

        interface Commit {
            void run() throws Exception;
        }

        @Override
        public long step() throws Exception {
            commit.run();
            return 1;
        }

        @Override
        public void close() throws Exception {
            statement.close();
            connection.close();
        }
    }
}
