package dev.ordo.spring;

import dev.ordo.core.subscription.PoisonPolicy;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ordo's settings under {@code ordo.*}. With none set, events go to a SQLite file at {@code ./data/ordo.db}.
 */
@ConfigurationProperties("ordo")
public class OrdoProperties {

    private final Store store = new Store();
    private final Snapshots snapshots = new Snapshots();
    private final Subscriptions subscriptions = new Subscriptions();
    private final Commands commands = new Commands();
    private final DeadLetters deadLetters = new DeadLetters();

    public Store getStore() {
        return store;
    }

    public Snapshots getSnapshots() {
        return snapshots;
    }

    public Subscriptions getSubscriptions() {
        return subscriptions;
    }

    public Commands getCommands() {
        return commands;
    }

    public DeadLetters getDeadLetters() {
        return deadLetters;
    }

    /** Which database holds the events. */
    public enum StoreType {
        /** An embedded SQLite file: nothing to install. */
        SQLITE,
        /** A PostgreSQL server. */
        POSTGRES
    }

    /** The event store. */
    public static class Store {

        /** The database kind: sqlite (default) or postgres. */
        private StoreType type = StoreType.SQLITE;

        /** The largest payload of one event, in UTF-8 bytes. */
        private int maxPayloadBytes = 1024 * 1024;

        /** The most events written in one group commit. */
        private int maxBatchEvents = 2_000;

        private final Sqlite sqlite = new Sqlite();
        private final Postgres postgres = new Postgres();

        public StoreType getType() {
            return type;
        }

        public void setType(StoreType type) {
            this.type = type;
        }

        public int getMaxPayloadBytes() {
            return maxPayloadBytes;
        }

        public void setMaxPayloadBytes(int maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
        }

        public int getMaxBatchEvents() {
            return maxBatchEvents;
        }

        public void setMaxBatchEvents(int maxBatchEvents) {
            this.maxBatchEvents = maxBatchEvents;
        }

        public Sqlite getSqlite() {
            return sqlite;
        }

        public Postgres getPostgres() {
            return postgres;
        }
    }

    /** The embedded store. */
    public static class Sqlite {

        /** The database file; created with its folder on first start. */
        private Path path = Path.of("data", "ordo.db");

        /** Read connections (the writer has its own). */
        private int readers = 4;

        /** How long to wait for a lock held by another process. */
        private Duration busyTimeout = Duration.ofSeconds(10);

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public int getReaders() {
            return readers;
        }

        public void setReaders(int readers) {
            this.readers = readers;
        }

        public Duration getBusyTimeout() {
            return busyTimeout;
        }

        public void setBusyTimeout(Duration busyTimeout) {
            this.busyTimeout = busyTimeout;
        }
    }

    /** The PostgreSQL store; used when no DataSource bean exists. */
    public static class Postgres {

        /** JDBC URL, for example jdbc:postgresql://localhost:5432/ordo. */
        private String url;

        private String username;

        private String password;

        /** Connections in the pool Ordo creates. */
        private int poolSize = 10;

        /** Whether to wake subscriptions with LISTEN/NOTIFY (otherwise they poll). */
        private boolean listen = true;

        /**
         * How long a caller waits for a pooled connection before failing with a transient error (503 over HTTP):
         * while the database is down, requests fail in this time instead of piling up. A request may wait this long
         * a few times (its key, its append, the append's settlement) when the database flaps, so keep it short.
         */
        private Duration connectionTimeout = Duration.ofSeconds(2);

        /**
         * How long a statement may wait on the network for the server before its connection counts as lost (the
         * driver's {@code socketTimeout}); bounds every call when the server or the network hangs.
         */
        private Duration socketTimeout = Duration.ofSeconds(60);

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public int getPoolSize() {
            return poolSize;
        }

        public void setPoolSize(int poolSize) {
            this.poolSize = poolSize;
        }

        public boolean isListen() {
            return listen;
        }

        public Duration getConnectionTimeout() {
            return connectionTimeout;
        }

        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }

        public Duration getSocketTimeout() {
            return socketTimeout;
        }

        public void setSocketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
        }

        public void setListen(boolean listen) {
            this.listen = listen;
        }
    }

    /** Snapshots of decider state. */
    public static class Snapshots {

        /** Store a snapshot once this many events were folded on top of the last one; 0 disables snapshots. */
        private int every = 100;

        public int getEvery() {
            return every;
        }

        public void setEvery(int every) {
            this.every = every;
        }
    }

    /** Subscriptions and projections. */
    public static class Subscriptions {

        /** The largest page of events handed to a subscriber. */
        private int batchSize = 500;

        /** How long a caught-up subscription waits for a commit signal before polling. */
        private Duration pollInterval = Duration.ofSeconds(1);

        /** The longest pause between retries of a failing page. */
        private Duration maxBackoff = Duration.ofSeconds(30);

        /**
         * What a subscription does with an event whose handler keeps failing: retry it forever (the default), park
         * it as a dead letter and go on (independent handlers), or park it and hold back the rest of its stream
         * (when order matters, as for read models).
         */
        private PoisonPolicy poisonPolicy = PoisonPolicy.RETRY_FOREVER;

        public PoisonPolicy getPoisonPolicy() {
            return poisonPolicy;
        }

        public void setPoisonPolicy(PoisonPolicy poisonPolicy) {
            this.poisonPolicy = poisonPolicy;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }
    }

    /** How often a failing message is retried before it is parked as a dead letter. */
    public static class DeadLetters {

        /** Attempts before a message is parked. */
        private int maxAttempts = 5;

        /** The pause after the first failed attempt; it doubles after each further one. */
        private Duration initialDelay = Duration.ofSeconds(1);

        /** The longest pause between attempts. */
        private Duration maxDelay = Duration.ofMinutes(1);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialDelay() {
            return initialDelay;
        }

        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    /** Command handling. */
    public static class Commands {

        /** How long a command waits for another command on the same stream to finish. */
        private Duration lockTimeout = Duration.ofSeconds(5);

        public Duration getLockTimeout() {
            return lockTimeout;
        }

        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }
    }
}
