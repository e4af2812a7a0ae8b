package dev.ordo.marketplace.platform.idempotency;

import dev.ordo.core.bus.command.CommandValidationException;
import dev.ordo.core.bus.command.LockTimeoutException;
import dev.ordo.core.event.InvalidStreamIdException;
import dev.ordo.core.store.DuplicateEventIdException;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.InvalidAppendException;
import dev.ordo.core.store.StreamDeletedException;
import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.marketplace.shared.RuleViolation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command request at most once per Idempotency-Key.
 *
 * <p>The first request with a key claims it (the claim names this process's epoch and the request) and runs; its
 * response (status, ETag, Location, body) is stored, and a retry with the same key and the same request gets that
 * response back (header {@code Idempotent-Replayed: true}) without running anything. The same key with a different
 * request is refused (422). While the owner of the key still runs, a retry gets 409; a key whose owner died (its
 * process was restarted, or stopped beating, see {@link ProcessEpoch}) is taken over at once, without waiting for it to
 * go stale.
 *
 * <p>A request that failed in a way that wrote nothing (a rule violation, invalid input, a stale version, a busy
 * lock, an append withdrawn before it was written) releases its key. Any other failure leaves the outcome unknown: the
 * key is marked so, and the next retry first asks {@code recover} whether the command's events were written (events
 * carry their request's key; the event store settles an append before it reports on it) and runs the command again
 * only when they were not. A key has one owner at a time: completing, marking or releasing it succeeds only for the
 * request that holds it.
 *
 * <p>A key is kept for the retention period after it last changed, then forgotten (checked after every heartbeat,
 * at most {@value #FORGOTTEN_PER_BEAT} keys at a time): a request sent again with a forgotten key runs as a new one,
 * as with Stripe's 24-hour keys, so the retention must outlast the longest time a client keeps retrying. Thread-safe.
 */
public class Idempotency {

    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);
    /** The most keys forgotten after one heartbeat, so that one purge never holds the writer long. */
    static final int FORGOTTEN_PER_BEAT = 1_000;

    private record Unsettled(String key, IdempotencyStore.Claim claim) {
    }

    private final IdempotencyStore store;
    private final ProcessEpoch epoch;
    private final JsonMapper json;
    private final Duration retention;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Queue<Unsettled> unsettled = new ConcurrentLinkedQueue<>();

    /** @param retention how long a key is kept after it last changed, positive */
    Idempotency(IdempotencyStore store, ProcessEpoch epoch, JsonMapper json, Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention of idempotency keys must be positive, was " + retention);
        }
        this.store = store;
        this.epoch = epoch;
        this.json = json;
        this.retention = retention;
        epoch.onBeat(() -> {
            settleLeftovers();
            forgetExpired();
        });
    }

    /**
     * Forgets up to {@value #FORGOTTEN_PER_BEAT} keys that last changed longer ago than the retention; a failure (the
     * database away) is logged and left for the next heartbeat.
     *
     * @return how many keys were forgotten
     */
    int forgetExpired() {
        try {
            int forgotten = store.forgetChangedBefore(store.now() - retention.toMillis(), FORGOTTEN_PER_BEAT);
            if (forgotten > 0) {
                log.debug("forgot {} idempotency keys older than {}", forgotten, retention);
            }
            return forgotten;
        } catch (RuntimeException e) {
            log.warn("could not forget expired idempotency keys (the database may be down): {}", e.toString());
            return 0;
        }
    }

    /**
     * @param key           the request's Idempotency-Key, or {@code null} to just run the action
     * @param fingerprintOf what identifies the request (method, path, body): see {@link #fingerprint}; computed only
     *                      when a key is given
     * @param action        runs the command and builds the response
     * @param recover       the response to give when the command's effect is found in the store, if it is
     * @throws IdempotencyConflictException when the key is in use by a running request, or was used for another one
     */
    public <T> ResponseEntity<T> run(String key, Supplier<String> fingerprintOf, Class<T> bodyType,
                                     Supplier<ResponseEntity<T>> action,
                                     Supplier<Optional<ResponseEntity<T>>> recover) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        String fingerprint = fingerprintOf.get();
        IdempotencyStore.Claim claim = new IdempotencyStore.Claim(epoch.self(), UUID.randomUUID().toString());
        running.add(claim.token());
        try {
            return switch (acquire(key, fingerprint, claim)) {
                case Acquired.Replay replay -> replay(replay.row(), bodyType);
                case Acquired.Claimed claimed -> execute(key, claim, action);
                case Acquired.TakenOver takenOver -> {
                    Optional<ResponseEntity<T>> recovered = attempt(key, claim, recover);
                    yield recovered.isPresent() ? remember(key, claim, recovered.get())
                            : execute(key, claim, action);
                }
            };
        } finally {
            running.remove(claim.token());
        }
    }

    /** How a request got hold of its key. */
    private sealed interface Acquired {
        record Claimed() implements Acquired {
        }

        record TakenOver() implements Acquired {
        }

        record Replay(IdempotencyStore.Row row) implements Acquired {
        }
    }

    private Acquired acquire(String key, String fingerprint, IdempotencyStore.Claim claim) {
        for (int tries = 0; tries < 3; tries++) {
            if (store.claim(key, fingerprint, claim)) {
                return new Acquired.Claimed();
            }
            Optional<IdempotencyStore.Row> found = store.find(key);
            if (found.isEmpty()) {
                continue;
            }
            IdempotencyStore.Row row = found.get();
            if (!row.fingerprint().equals(fingerprint)) {
                throw IdempotencyConflictException.reused(key);
            }
            if (row.state() == IdempotencyStore.State.DONE) {
                return new Acquired.Replay(row);
            }
            boolean abandoned = row.state() == IdempotencyStore.State.UNKNOWN || !isAlive(row);
            if (abandoned && store.takeOver(key, row, claim)) {
                return new Acquired.TakenOver();
            }
            throw IdempotencyConflictException.inProgress(key);
        }
        throw IdempotencyConflictException.inProgress(key);
    }

    /** A claim of this very process is alive while its request runs; another process's, while that process does. */
    private boolean isAlive(IdempotencyStore.Row row) {
        if (epoch.self().equals(row.owner())) {
            return running.contains(row.token());
        }
        return epoch.isAlive(row.owner());
    }

    private <T> ResponseEntity<T> execute(String key, IdempotencyStore.Claim claim,
                                          Supplier<ResponseEntity<T>> action) {
        return remember(key, claim, attempt(key, claim, action));
    }

    /** Runs work while holding the key; a failure settles the key (released or unknown) before it is rethrown. */
    private <R> R attempt(String key, IdempotencyStore.Claim claim, Supplier<R> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            settleUnlessAway(key, claim, e, wroteNothing(e));
            throw e;
        } catch (Error e) {
            settle(key, claim, false);
            throw e;
        }
    }

    /**
     * Settles the key now, unless the failure says the database cannot be reached: then asking it again would only
     * keep the client waiting for another timeout, so the key is left for {@link #settleLeftovers} to mark unknown once it is
     * back (a retry in this process takes it over anyway, as its request no longer runs).
     */
    private void settleUnlessAway(String key, IdempotencyStore.Claim claim, RuntimeException failure,
                                  boolean release) {
        if (TransientFailures.isDatabaseUnreachable(failure)) {
            log.warn("the request with Idempotency-Key '{}' failed while the database was away ({}); its key will be "
                    + "marked unknown once the database is back", key, failure.toString());
            unsettled.add(new Unsettled(key, claim));
            return;
        }
        settle(key, claim, release);
    }

    private void settle(String key, IdempotencyStore.Claim claim, boolean release) {
        try {
            boolean owned = release ? store.release(key, claim) : store.markUnknown(key, claim);
            if (!owned) {
                log.warn("Idempotency-Key '{}' was taken over while its request ran; leaving it to the new owner", key);
            }
        } catch (RuntimeException e) {
            log.warn("could not record the outcome of the request with Idempotency-Key '{}' ({}); will mark it unknown "
                    + "later", key, e.toString());
            unsettled.add(new Unsettled(key, claim));
        }
    }

    /**
     * Marks the keys whose outcome could not be recorded (the database was down) unknown, so that retries from other
     * processes need not wait for this one to restart. Called periodically.
     */
    void settleLeftovers() {
        for (Unsettled next; (next = unsettled.peek()) != null; ) {
            try {
                store.markUnknown(next.key(), next.claim());
                unsettled.remove(next);
            } catch (RuntimeException e) {
                return;
            }
        }
    }

    private static boolean wroteNothing(RuntimeException e) {
        return e instanceof RuleViolation || e instanceof CommandValidationException
                || e instanceof WrongExpectedVersionException || e instanceof LockTimeoutException
                || e instanceof InvalidStreamIdException || e instanceof StreamDeletedException
                || e instanceof InvalidAppendException || e instanceof DuplicateEventIdException
                || (e instanceof EventStoreUnavailableException unavailable && !unavailable.mayHaveWritten());
    }

    private <T> ResponseEntity<T> remember(String key, IdempotencyStore.Claim claim, ResponseEntity<T> response) {
        URI location = response.getHeaders().getLocation();
        try {
            if (!store.complete(key, claim, response.getStatusCode().value(), response.getHeaders().getETag(),
                    location == null ? null : location.toString(),
                    response.getBody() == null ? null : json.writeValueAsString(response.getBody()))) {
                log.warn("Idempotency-Key '{}' was taken over while its request ran; its response is not stored", key);
            }
        } catch (RuntimeException e) {
            settleUnlessAway(key, claim, e, false);
            throw e;
        }
        return response;
    }

    private <T> ResponseEntity<T> replay(IdempotencyStore.Row row, Class<T> bodyType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(REPLAYED, "true");
        if (row.etag() != null) {
            headers.setETag(row.etag());
        }
        if (row.location() != null) {
            headers.setLocation(URI.create(row.location()));
        }
        T body = row.body() == null ? null : json.readValue(row.body(), bodyType);
        return new ResponseEntity<>(body, headers, HttpStatus.valueOf(row.status()));
    }

    /** A fingerprint of a request: its method, path and body, hashed. */
    public String fingerprint(String method, String path, Object body) {
        String text = method + " " + path + "\n" + (body == null ? "" : json.writeValueAsString(body));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
