package dev.ordo.marketplace.platform.idempotency;

import dev.ordo.core.store.EventStoreUnavailableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command request at most once per Idempotency-Key.
 *
 * <p>The first request with a key claims it and runs; its response (status, ETag, Location, body) is stored, and a
 * retry with the same key and the same request gets that response back (header {@code Idempotent-Replayed: true})
 * without running anything. The same key with a different request is refused (422); while the first request runs,
 * a retry gets 409. A request refused with a client error (nothing was written) releases the key. When the outcome
 * is unknown (the store failed, or the server stopped mid-request), the next retry first asks {@code recover}
 * whether the command's events were written — events carry their request's key — and only runs the command again
 * when they were not. Thread-safe.
 */
@Component
public class Idempotency {

    public static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyStore store;
    private final JsonMapper json;

    Idempotency(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * @param key         the request's Idempotency-Key, or {@code null} to just run the action
     * @param fingerprint what identifies the request (method, path, body): see {@link #fingerprint}; computed only
     *                    when a key is given
     * @param action      runs the command and builds the response
     * @param recover     the response to give when the command's effect is found in the store, if it is
     */
    public <T> ResponseEntity<T> run(String key, Supplier<String> fingerprintOf, Class<T> bodyType,
                                     Supplier<ResponseEntity<T>> action,
                                     Supplier<Optional<ResponseEntity<T>>> recover) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        String fingerprint = fingerprintOf.get();
        if (!store.claim(key, fingerprint)) {
            IdempotencyStore.Row row = store.find(key).orElseThrow(() -> IdempotencyConflictException.inProgress(key));
            if (!row.fingerprint().equals(fingerprint)) {
                throw IdempotencyConflictException.reused(key);
            }
            if (row.state() == IdempotencyStore.State.DONE) {
                return replay(row, bodyType);
            }
            boolean abandoned = row.state() == IdempotencyStore.State.UNKNOWN || store.isStale(row);
            if (!abandoned || !store.takeOver(key, row)) {
                throw IdempotencyConflictException.inProgress(key);
            }
            Optional<ResponseEntity<T>> recovered = recover.get();
            if (recovered.isPresent()) {
                return remember(key, recovered.get());
            }
        }
        try {
            return remember(key, action.get());
        } catch (EventStoreUnavailableException e) {
            store.markUnknown(key);
            throw e;
        } catch (RuntimeException e) {
            store.release(key);
            throw e;
        }
    }

    private <T> ResponseEntity<T> remember(String key, ResponseEntity<T> response) {
        URI location = response.getHeaders().getLocation();
        store.complete(key, response.getStatusCode().value(), response.getHeaders().getETag(),
                location == null ? null : location.toString(),
                response.getBody() == null ? null : json.writeValueAsString(response.getBody()));
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
