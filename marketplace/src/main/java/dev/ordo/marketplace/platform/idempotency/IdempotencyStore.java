package dev.ordo.marketplace.platform.idempotency;

import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.platform.MarketplaceSchema;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code marketplace_idempotency} table: per key, the request's fingerprint, its state and, once done, the
 * response. Claims are atomic (an insert that only one request can win). Thread-safe.
 */
@Component
class IdempotencyStore {

    /** A request still marked in progress after this long was interrupted (crash, timeout). */
    static final Duration STALE = Duration.ofSeconds(30);

    enum State { IN_PROGRESS, DONE, UNKNOWN }

    record Row(String fingerprint, State state, Integer status, String etag, String location, String body,
               long updatedAt) {
    }

    private final JdbcClient writer;
    private final Clock clock = Clock.systemUTC();

    IdempotencyStore(OrdoDatabase database, MarketplaceSchema schema) {
        this.writer = JdbcClient.create(database.writeDataSource());
    }

    /** Inserts an in-progress row; false when the key already has one. */
    boolean claim(String key, String fingerprint) {
        long now = clock.millis();
        return writer.sql("INSERT INTO marketplace_idempotency (idempotency_key, fingerprint, state, created_at, "
                        + "updated_at) VALUES (?, ?, 'IN_PROGRESS', ?, ?) ON CONFLICT (idempotency_key) DO NOTHING")
                .params(key, fingerprint, now, now).update() == 1;
    }

    Optional<Row> find(String key) {
        return writer.sql("SELECT fingerprint, state, status_code, etag, location, body, updated_at FROM "
                        + "marketplace_idempotency WHERE idempotency_key = ?")
                .param(key)
                .query((rs, n) -> new Row(rs.getString(1), State.valueOf(rs.getString(2)),
                        (Integer) rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getLong(7)))
                .optional();
    }

    /** Takes over a row left unknown or stale; false when another request took it first. */
    boolean takeOver(String key, Row seen) {
        return writer.sql("UPDATE marketplace_idempotency SET state = 'IN_PROGRESS', updated_at = ? "
                        + "WHERE idempotency_key = ? AND state = ? AND updated_at = ?")
                .params(clock.millis(), key, seen.state().name(), seen.updatedAt()).update() == 1;
    }

    boolean isStale(Row row) {
        return clock.millis() - row.updatedAt() > STALE.toMillis();
    }

    void complete(String key, int status, String etag, String location, String body) {
        writer.sql("UPDATE marketplace_idempotency SET state = 'DONE', status_code = ?, etag = ?, location = ?, "
                        + "body = ?, updated_at = ? WHERE idempotency_key = ?")
                .params(status, etag, location, body, clock.millis(), key).update();
    }

    void markUnknown(String key) {
        writer.sql("UPDATE marketplace_idempotency SET state = 'UNKNOWN', updated_at = ? WHERE idempotency_key = ?")
                .params(clock.millis(), key).update();
    }

    void release(String key) {
        writer.sql("DELETE FROM marketplace_idempotency WHERE idempotency_key = ?").param(key).update();
    }
}
