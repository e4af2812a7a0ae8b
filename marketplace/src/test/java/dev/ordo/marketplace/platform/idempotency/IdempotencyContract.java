package dev.ordo.marketplace.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.ordering.app.OrderRequestRejected;
import dev.ordo.marketplace.platform.MarketplaceSchema;
import dev.ordo.test.fixture.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Keys across process deaths and slow requests, on a real database: a key has one owner at a time, a
 * restarted process takes over what its predecessor held at once, and a failure releases the key only when nothing
 * was written.
 */
abstract class IdempotencyContract {

    private static final Duration RETENTION = Duration.ofHours(24);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final JsonMapper json = JsonMapper.builder().build();
    private OrdoDatabase database;
    private ProcessEpoch epoch;
    private Idempotency idempotency;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger recoveries = new AtomicInteger();

    protected abstract OrdoDatabase openDatabase();

    @BeforeEach
    void startFirstProcess() {
        database = openDatabase();
        new MarketplaceSchema(database);
        restart("marketplace-1");
    }

    @AfterEach
    void close() {
        epoch.close();
        database.close();
    }

    /** A new process instance (a restart when the instance is the same as before) on the same database. */
    private Idempotency restart(String instance) {
        if (epoch != null) {
            epoch.close();
        }
        IdempotencyStore store = new IdempotencyStore(database, clock);
        epoch = new ProcessEpoch(store.client(), clock, instance, false);
        idempotency = new Idempotency(store, epoch, json, RETENTION);
        return idempotency;
    }

    private ResponseEntity<String> run(Idempotency on, String key, Supplier<ResponseEntity<String>> action,
                                       Optional<ResponseEntity<String>> found) {
        return on.run(key, () -> "fingerprint", String.class, () -> {
            runs.incrementAndGet();
            return action.get();
        }, () -> {
            recoveries.incrementAndGet();
            return found;
        });
    }

    private static Supplier<ResponseEntity<String>> answer(String body) {
        return () -> ResponseEntity.ok(body);
    }

    /** Leaves the key claimed by a request that never finishes in this process, as a killed process would. */
    private void claimAndDie(String key) {
        IdempotencyStore store = new IdempotencyStore(database, clock);
        assertThat(store.claim(key, "fingerprint", new IdempotencyStore.Claim(epoch.self(),
                UUID.randomUUID().toString()))).isTrue();
    }

    @Test
    void forgetsAKeyOnceItsRetentionPassedSoThatTheSameKeyThenRunsAsANewRequest() {
        run(idempotency, "old", answer("first"), Optional.empty());
        clock.advance(RETENTION.minusHours(1));
        run(idempotency, "recent", answer("recent"), Optional.empty());
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(idempotency.forgetExpired()).isEqualTo(1);

        ResponseEntity<String> again = run(idempotency, "old", answer("second"), Optional.empty());
        assertThat(again.getBody()).isEqualTo("second");
        assertThat(again.getHeaders().containsHeader(Idempotency.REPLAYED)).isFalse();
        ResponseEntity<String> replayed = run(idempotency, "recent", answer("not run"), Optional.empty());
        assertThat(replayed.getBody()).isEqualTo("recent");
        assertThat(replayed.getHeaders().getFirst(Idempotency.REPLAYED)).isEqualTo("true");
        assertThat(runs).hasValue(3);
    }

    @Test
    void answersARetryAfterTheOwningProcessDiedFromTheStreamWithoutRunningTheCommandAgain() {
        claimAndDie("k1");
        Idempotency restarted = restart("marketplace-1");

        ResponseEntity<String> response = run(restarted, "k1", answer("ran again"),
                Optional.of(ResponseEntity.ok("found in the stream")));

        assertThat(response.getBody()).isEqualTo("found in the stream");
        assertThat(runs).hasValue(0);
        assertThat(run(restarted, "k1", answer("x"), Optional.empty()).getHeaders().getFirst(Idempotency.REPLAYED))
                .isEqualTo("true");
    }

    @Test
    void runsTheCommandWhenTheDeadOwnersEventsAreNotInTheStream() {
        claimAndDie("k2");
        Idempotency restarted = restart("marketplace-1");

        ResponseEntity<String> response = run(restarted, "k2", answer("ran"), Optional.empty());

        assertThat(response.getBody()).isEqualTo("ran");
        assertThat(recoveries).hasValue(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    void refusesRetriesWhileTheOwningRequestStillRunsHoweverLongItTakes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<ResponseEntity<String>> first = CompletableFuture.supplyAsync(() -> run(idempotency, "k3",
                () -> {
                    started.countDown();
                    await(finish);
                    return ResponseEntity.ok("first");
                }, Optional.empty()));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> run(idempotency, "k3", answer("second"), Optional.empty()))
                .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.inProgress()).isTrue());
        finish.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).getBody()).isEqualTo("first");
        assertThat(run(idempotency, "k3", answer("third"), Optional.empty()).getBody()).isEqualTo("first");
        assertThat(runs).hasValue(1);
    }

    @Test
    void refusesRetriesWhileAnotherLiveInstanceHoldsTheKeyAndTakesOverOnceItStopsBeating() {
        claimAndDie("k4");
        Idempotency other = restart("marketplace-2");

        assertThatThrownBy(() -> run(other, "k4", answer("other"), Optional.empty()))
                .isInstanceOf(IdempotencyConflictException.class);
        clock.advance(ProcessEpoch.LEASE.plusSeconds(1));

        assertThat(run(other, "k4", answer("other"), Optional.empty()).getBody()).isEqualTo("other");
    }

    @Test
    void onlyTheRequestThatTookTheKeyOverCanStoreItsResponse() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Idempotency slow = idempotency;
        CompletableFuture<ResponseEntity<String>> first = CompletableFuture.supplyAsync(() -> run(slow, "k5", () -> {
            started.countDown();
            await(finish);
            return ResponseEntity.ok("slow");
        }, Optional.empty()));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Idempotency other = restart("marketplace-2");
        clock.advance(ProcessEpoch.LEASE.plusSeconds(1));
        assertThat(run(other, "k5", answer("took over"), Optional.empty()).getBody()).isEqualTo("took over");

        finish.countDown();
        first.get(10, TimeUnit.SECONDS);

        assertThat(run(other, "k5", answer("again"), Optional.empty()).getBody()).isEqualTo("took over");
    }

    @Test
    void releasesTheKeyWhenTheRequestWasRefusedWithoutWriting() {
        assertThatThrownBy(() -> run(idempotency, "k6", () -> {
            throw new OrderRequestRejected("product-not-in-catalog", "no such product");
        }, Optional.empty())).isInstanceOf(OrderRequestRejected.class);
        assertThatThrownBy(() -> run(idempotency, "k6", () -> {
            throw EventStoreUnavailableException.notWritten("withdrawn", null);
        }, Optional.empty())).isInstanceOf(EventStoreUnavailableException.class);

        assertThat(run(idempotency, "k6", answer("ran"), Optional.of(ResponseEntity.ok("recovered"))).getBody())
                .isEqualTo("ran");
        assertThat(recoveries).hasValue(0);
    }

    @Test
    void leavesTheOutcomeUnknownWhenTheFailureMayHaveWritten() {
        assertThatThrownBy(() -> run(idempotency, "k7", () -> {
            throw new EventStoreUnavailableException("no answer from the database");
        }, Optional.empty())).isInstanceOf(EventStoreUnavailableException.class);
        assertThatThrownBy(() -> run(idempotency, "k8", () -> {
            throw new IllegalStateException("failed after the append");
        }, Optional.empty())).isInstanceOf(IllegalStateException.class);

        assertThat(run(idempotency, "k7", answer("ran"), Optional.of(ResponseEntity.ok("recovered"))).getBody())
                .isEqualTo("recovered");
        assertThat(run(idempotency, "k8", answer("ran"), Optional.of(ResponseEntity.ok("recovered"))).getBody())
                .isEqualTo("recovered");
        assertThat(runs).hasValue(2);
    }

    @Test
    void anErrorInTheRequestLeavesTheKeyToTheNextRetryInsteadOfInProgressForever() {
        assertThatThrownBy(() -> run(idempotency, "k9", () -> {
            throw new StackOverflowError("deep");
        }, Optional.empty())).isInstanceOf(StackOverflowError.class);

        assertThat(run(idempotency, "k9", answer("ran"), Optional.of(ResponseEntity.ok("recovered"))).getBody())
                .isEqualTo("recovered");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
