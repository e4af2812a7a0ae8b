package dev.ordo.marketplace.platform.idempotency;

import dev.ordo.jdbc.OrdoDatabase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code marketplace_idempotency} table: per key, the request's fingerprint, its state, its owner (the process
 * epoch and the request's token) and, once done, the response. A key has one owner at a time: claims are atomic (an
 * insert only one request can win), a takeover succeeds only against the owner it saw, and completing, marking
 * unknown or releasing succeed only for the current owner. Thread-safe.
 */
class IdempotencyStore {

    enum State { IN_PROGRESS, DONE, UNKNOWN }

    /** Who holds a key: a request (token) of a process instance in one epoch. */
    record Claim(ProcessEpoch.Owner owner, String token) {
    }

    record Row(String fingerprint, State state, Integer status, String etag, String location, String body,
               ProcessEpoch.Owner owner, String token) {
    }

    private final JdbcClient writer;
    private final Clock clock;

    IdempotencyStore(OrdoDatabase database, Clock clock) {
        this.writer = JdbcClient.create(database.writeDataSource());
        this.clock = clock;
    }

    JdbcClient client() {
        return writer;
    }

    /** Inserts an in-progress row owned by the claim; false when the key already has one. */
    boolean claim(String key, String fingerprint, Claim claim) {
        long now = clock.millis();
        return writer.sql("INSERT INTO marketplace_idempotency (idempotency_key, fingerprint, state, owner_instance, "
                        + "owner_epoch, owner_token, created_at, updated_at) VALUES (?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (idempotency_key) DO NOTHING")
                .params(key, fingerprint, claim.owner().instance(), claim.owner().epoch(), claim.token(), now, now)
                .update() == 1;
    }

    Optional<Row> find(String key) {
        return writer.sql("SELECT fingerprint, state, status_code, etag, location, body, owner_instance, owner_epoch, "
                        + "owner_token FROM marketplace_idempotency WHERE idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new Row(rs.getString(1), State.valueOf(rs.getString(2)), nullableInt(rs, 3),
                        rs.getString(4), rs.getString(5), rs.getString(6), owner(rs), rs.getString(9)))
                .optional();
    }

    /** Takes over a row from the owner it had when it was read; false when someone else changed it first. */
    boolean takeOver(String key, Row seen, Claim by) {
        return writer.sql("UPDATE marketplace_idempotency SET state = 'IN_PROGRESS', owner_instance = ?, owner_epoch = ?, "
                        + "owner_token = ?, updated_at = ? WHERE idempotency_key = ? AND state = ? "
                        + "AND COALESCE(owner_token, '') = ?")
                .params(by.owner().instance(), by.owner().epoch(), by.token(), clock.millis(), key, seen.state().name(),
                        seen.token() == null ? "" : seen.token())
                .update() == 1;
    }

    /** Stores the response; false when the claim no longer owns the key. */
    boolean complete(String key, Claim claim, int status, String etag, String location, String body) {
        return writer.sql("UPDATE marketplace_idempotency SET state = 'DONE', status_code = ?, etag = ?, location = ?, "
                        + "body = ?, updated_at = ? WHERE idempotency_key = ? AND owner_token = ?")
                .params(status, etag, location, body, clock.millis(), key, claim.token()).update() == 1;
    }

    /** Marks the outcome unknown, so the next retry looks for it in the store; false when not the owner. */
    boolean markUnknown(String key, Claim claim) {
        return writer.sql("UPDATE marketplace_idempotency SET state = 'UNKNOWN', updated_at = ? "
                        + "WHERE idempotency_key = ? AND owner_token = ? AND state = 'IN_PROGRESS'")
                .params(clock.millis(), key, claim.token()).update() == 1;
    }

    /** Frees the key after a request that wrote nothing; false when not the owner. */
    boolean release(String key, Claim claim) {
        return writer.sql("DELETE FROM marketplace_idempotency WHERE idempotency_key = ? AND owner_token = ? "
                        + "AND state = 'IN_PROGRESS'")
                .params(key, claim.token()).update() == 1;
    }

    /**
     * Deletes up to {@code limit} keys last changed before {@code cutoff}, oldest first.
     *
     * @return how many were deleted
     */
    int forgetChangedBefore(long cutoffMillis, int limit) {
        return writer.sql("DELETE FROM marketplace_idempotency WHERE idempotency_key IN (SELECT idempotency_key "
                        + "FROM marketplace_idempotency WHERE updated_at < ? ORDER BY updated_at LIMIT ?)")
                .params(cutoffMillis, limit).update();
    }

    long now() {
        return clock.millis();
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static ProcessEpoch.Owner owner(ResultSet rs) throws SQLException {
        String instance = rs.getString(7);
        long epoch = rs.getLong(8);
        return instance == null || rs.wasNull() ? null : new ProcessEpoch.Owner(instance, epoch);
    }
}
