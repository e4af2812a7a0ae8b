package dev.ordo.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session advisory lock ({@code pg_try_advisory_lock(bigint)}) held on a dedicated connection. The lock's key is the
 * first 8 bytes of the SHA-256 of the lease key, the same in every process and version.
 */
final class PostgresAdvisoryLease implements RelayLease {

    private static final Logger log = LoggerFactory.getLogger(PostgresAdvisoryLease.class);
    private static final int CHECK_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final String key;
    private final long lockKey;
    private Connection connection;

    PostgresAdvisoryLease(DataSource dataSource, String key) {
        this.dataSource = dataSource;
        this.key = key;
        this.lockKey = lockKey(key);
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (connection != null) {
            if (isHeld()) {
                return true;
            }
            release();
        }
        Connection opened = null;
        try {
            opened = dataSource.getConnection();
            opened.setAutoCommit(true);
            try (PreparedStatement statement = opened.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, lockKey);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        connection = opened;
                        opened = null;
                        return true;
                    }
                    return false;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not try the PostgreSQL advisory lock of " + key, e);
        } finally {
            closeQuietly(opened);
        }
    }

    @Override
    public synchronized boolean isHeld() {
        if (connection == null) {
            return false;
        }
        String sql = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND pid = pg_backend_pid() AND objsubid = 1 AND classid::bigint = ? AND objid::bigint = ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
            statement.setLong(1, lockKey >>> 32);
            statement.setLong(2, lockKey & 0xFFFF_FFFFL);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            log.warn("the PostgreSQL advisory lock of {} is lost: its session failed", key, e);
            return false;
        }
    }

    @Override
    public synchronized void release() {
        Connection held = connection;
        connection = null;
        if (held == null) {
            return;
        }
        try (PreparedStatement statement = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, lockKey);
            statement.execute();
        } catch (SQLException e) {
            log.debug("could not unlock {} (its session is probably gone, which released it)", key, e);
        } finally {
            closeQuietly(held);
        }
    }

    static long lockKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a lease connection failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL advisory lock " + key + " (" + lockKey + ")";
    }
}
