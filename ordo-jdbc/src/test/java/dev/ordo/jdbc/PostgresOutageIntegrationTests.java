package dev.ordo.jdbc;

import static dev.ordo.jdbc.LogAssertions.appearsOnceAt;
import static dev.ordo.jdbc.LogAssertions.wholeLogGapFree;
import static dev.ordo.test.contract.ContractEvents.itemsAdded;
import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.TransientFailures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL stopped while several threads append, then started again on the same data: appends fail while it is
 * down (with {@link EventStoreUnavailableException}, never hanging, never a raw SQL error), the same store works again
 * afterwards without being rebuilt, and the log holds every acknowledged append exactly once, gap-free and in order,
 * including the retries, with the same event ids, of every append that failed.
 */
class PostgresOutageIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(PostgresOutageIntegrationTests.class);

    private static final int WRITERS = 6;
    private static final int APPENDS_AFTER_RESTART = 5;

    @TempDir
    Path data;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    private int port;
    private EmbeddedPostgres server;
    private HikariDataSource pool;
    private JdbcEventStore store;

    @BeforeEach
    void startServer() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        config.setUsername("postgres");
        config.setMaximumPoolSize(WRITERS + 2);
        // a database that is gone fails a connection request in a second instead of HikariCP's default 30
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        pool = new HikariDataSource(config);
        store = JdbcEventStore.create(OrdoDatabase.postgres(pool,
                new PostgresOptions(Duration.ofSeconds(1), Duration.ofSeconds(5))));
    }

    @AfterEach
    void stopServer() throws IOException {
        writers.shutdownNow();
        store.close();
        pool.close();
        server.close();
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    /** What one writer did: its stream, its acknowledged appends, and what its failed attempts threw. */
    private record Writer(StreamId stream, List<List<EventData>> appends, List<AppendResult> results,
                          ConcurrentLinkedQueue<Throwable> failures, AtomicInteger acknowledgedAfterRestart) {

        Writer() {
            this(uniqueStream("outage"), new ArrayList<>(), new ArrayList<>(), new ConcurrentLinkedQueue<>(),
                    new AtomicInteger());
        }
    }

    @Test
    void appendsFailWhileTheDatabaseIsDownAndTheSameStoreWritesEachOfThemOnceAfterItIsBack() throws Exception {
        AtomicBoolean restarted = new AtomicBoolean();
        List<Writer> state = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Writer writer = new Writer();
            state.add(writer);
            running.add(writers.submit(() -> appendUntilDoneAfterTheRestart(writer, restarted)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> state.stream().allMatch(w -> results(w) >= 3));

        server.close();
        await("every writer hears a failure while the database is down").atMost(Duration.ofSeconds(60))
                .until(() -> state.stream().allMatch(w -> !w.failures().isEmpty()));
        Throwable read = catchThrowable(() -> store.readAll(1, 10));
        server = start();
        restarted.set(true);
        for (Future<?> writer : running) {
            writer.get(120, TimeUnit.SECONDS);
        }

        assertThat(read).isInstanceOf(EventStoreUnavailableException.class);
        List<RecordedEvent> events = wholeLogGapFree(store);
        List<Throwable> failures = state.stream().flatMap(w -> w.failures().stream()).toList();
        log.info("{} events in the log; {} failed attempts during the outage, {} of them with an unknown outcome",
                events.size(), failures.size(), failures.stream().filter(f -> f instanceof EventStoreUnavailableException e
                        && e.mayHaveWritten()).count());
        for (Writer writer : state) {
            assertThat(writer.failures()).allSatisfy(failure -> {
                assertThat(failure).isInstanceOf(EventStoreUnavailableException.class);
                assertThat(TransientFailures.isTransient(failure)).isTrue();
            });
            List<EventData> written = new ArrayList<>();
            for (int i = 0; i < writer.appends().size(); i++) {
                appearsOnceAt(events, writer.appends().get(i), writer.results().get(i));
                written.addAll(writer.appends().get(i));
            }
            assertThat(store.readStreamForwards(writer.stream(), 1, 10_000)).extracting(RecordedEvent::eventId)
                    .as("the stream holds each of its appends once, in order, and nothing else")
                    .containsExactlyElementsOf(written.stream().map(EventData::eventId).toList());
        }
    }

    private static int results(Writer writer) {
        synchronized (writer) {
            return writer.results().size();
        }
    }

    /**
     * Appends to the writer's stream one append after another; a failed append is retried with the same event ids and
     * expected version until it is acknowledged. Stops after a few acknowledged appends once the server is back.
     */
    private Void appendUntilDoneAfterTheRestart(Writer writer, AtomicBoolean restarted) {
        long version = 0;
        while (writer.acknowledgedAfterRestart().get() < APPENDS_AFTER_RESTART) {
            List<EventData> events = itemsAdded(1 + (int) (version % 3));
            AppendResult result = null;
            while (result == null) {
                boolean afterRestart = restarted.get();
                try {
                    result = store.append(writer.stream(), version == 0 ? ExpectedVersion.noStream()
                            : ExpectedVersion.exact(version), events);
                    if (afterRestart) {
                        writer.acknowledgedAfterRestart().incrementAndGet();
                    }
                } catch (RuntimeException failure) {
                    writer.failures().add(failure);
                }
            }
            synchronized (writer) {
                writer.appends().add(events);
                writer.results().add(result);
            }
            version = result.streamVersion();
        }
        return null;
    }
}
