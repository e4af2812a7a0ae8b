package dev.ordo.spring;

import dev.ordo.core.subscription.PoisonPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ordo's settings under {@code ordo.*}. With none set, events go to a SQLite file at {@code ./data/ordo.db}.
 * Immutable: Spring binds them once, through the constructors.
 *
 * @param store         the event store
 * @param snapshots     snapshots of decider state
 * @param subscriptions subscriptions and projections
 * @param commands      command handling
 * @param deadLetters   how often a failing message is retried before it is parked as a dead letter
 * @param health        when the health turns {@code DEGRADED}
 */
@ConfigurationProperties("ordo")
public record OrdoProperties(@DefaultValue Store store, @DefaultValue Snapshots snapshots,
                             @DefaultValue Subscriptions subscriptions, @DefaultValue Commands commands,
                             @DefaultValue DeadLetters deadLetters, @DefaultValue Health health) {

    /** Which database holds the events. */
    public enum StoreType {
        /** An embedded SQLite file: nothing to install. */
        SQLITE,
        /** A PostgreSQL server. */
        POSTGRES
    }

    /**
     * The event store.
     *
     * @param type            the database kind: sqlite (default) or postgres
     * @param maxPayloadBytes the largest payload of one event, in UTF-8 bytes
     * @param maxBatchEvents  the most events written in one group commit
     * @param sqlite          the embedded store
     * @param postgres        the PostgreSQL store
     */
    public record Store(@DefaultValue("sqlite") StoreType type, @DefaultValue("1048576") int maxPayloadBytes,
                        @DefaultValue("2000") int maxBatchEvents, @DefaultValue Sqlite sqlite,
                        @DefaultValue Postgres postgres) {
    }

    /**
     * The embedded store.
     *
     * @param path        the database file; created with its folder on first start
     * @param readers     read connections (the writer has its own)
     * @param busyTimeout how long to wait for a lock held by another process
     */
    public record Sqlite(@DefaultValue("data/ordo.db") Path path, @DefaultValue("4") int readers,
                         @DefaultValue("10s") Duration busyTimeout) {
    }

    /**
     * The PostgreSQL store; used when no DataSource bean exists.
     *
     * @param url               JDBC URL, for example jdbc:postgresql://localhost:5432/ordo
     * @param username          the user
     * @param password          the password
     * @param poolSize          connections in the pool Ordo creates
     * @param listen            whether to wake subscriptions with LISTEN/NOTIFY (otherwise they poll)
     * @param connectionTimeout how long a caller waits for a pooled connection before failing with a transient error
     *                          (503 over HTTP): while the database is down, requests fail in this time instead of
     *                          piling up. A request may wait this long a few times (its key, its append, the append's
     *                          settlement) when the database flaps, so keep it short
     * @param socketTimeout     how long a statement may wait on the network for the server before its connection
     *                          counts as lost (the driver's {@code socketTimeout}); bounds every call when the server
     *                          or the network hangs
     */
    public record Postgres(String url, String username, String password, @DefaultValue("10") int poolSize,
                           @DefaultValue("true") boolean listen, @DefaultValue("2s") Duration connectionTimeout,
                           @DefaultValue("60s") Duration socketTimeout) {

        /** Leaves the password out, so that logging the settings never shows it. */
        @Override
        public String toString() {
            return "Postgres[url=" + url + ", username=" + username + ", poolSize=" + poolSize + ", listen=" + listen
                    + ", connectionTimeout=" + connectionTimeout + ", socketTimeout=" + socketTimeout + "]";
        }
    }

    /**
     * Snapshots of decider state.
     *
     * @param every store a snapshot once this many events were folded on top of the last one; 0 disables snapshots
     */
    public record Snapshots(@DefaultValue("100") int every) {
    }

    /**
     * Subscriptions and projections.
     *
     * @param batchSize    the largest page of events handed to a subscriber
     * @param pollInterval how long a caught-up subscription waits for a commit signal before polling
     * @param maxBackoff   the longest pause between retries of a failing page
     * @param poisonPolicy what a subscription does with an event whose handler keeps failing: retry it forever (the
     *                     default), park it as a dead letter and go on (independent handlers), or park it and hold
     *                     back the rest of its stream (when order matters, as for read models)
     */
    public record Subscriptions(@DefaultValue("500") int batchSize, @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("30s") Duration maxBackoff,
                                @DefaultValue("retry-forever") PoisonPolicy poisonPolicy) {
    }

    /**
     * How often a failing message is retried before it is parked as a dead letter.
     *
     * @param maxAttempts  attempts before a message is parked
     * @param initialDelay the pause after the first failed attempt; it doubles after each further one
     * @param maxDelay     the longest pause between attempts
     */
    public record DeadLetters(@DefaultValue("5") int maxAttempts, @DefaultValue("1s") Duration initialDelay,
                              @DefaultValue("1m") Duration maxDelay) {
    }

    /**
     * Command handling.
     *
     * @param lockTimeout how long a command waits for its stream's turn (another command on the same stream to finish)
     * @param combineUpTo the most commands queued on one stream that are decided together, with one load and one
     *                    append, when the stream's turn comes; 1 decides them one by one
     */
    public record Commands(@DefaultValue("5s") Duration lockTimeout, @DefaultValue("256") int combineUpTo) {

        public Commands {
            if (combineUpTo < 1) {
                throw new IllegalArgumentException("ordo.commands.combine-up-to must be at least 1, was " + combineUpTo);
            }
        }
    }

    /**
     * When the health turns {@code DEGRADED}: the application still serves, but part of it is behind or waits for an
     * operator. A subscription that keeps failing, or Kafka away, degrades it whatever these say.
     *
     * @param subscriptions        how far a subscription (a read model, a process manager) may lag
     * @param relay                how far the outbox relay's publication may lag
     * @param maxParkedDeadLetters how many parked dead letters are tolerated; one more degrades the health (0, the
     *                             default: any parked letter does)
     * @throws IllegalArgumentException when {@code maxParkedDeadLetters} is negative
     */
    public record Health(@DefaultValue Lag subscriptions, @DefaultValue Lag relay,
                         @DefaultValue("0") int maxParkedDeadLetters) {

        public Health {
            if (maxParkedDeadLetters < 0) {
                throw new IllegalArgumentException("ordo.health.max-parked-dead-letters must not be negative, was "
                        + maxParkedDeadLetters);
            }
        }
    }

    /**
     * How far behind the head of the log a consumer of it may be before the health turns {@code DEGRADED}; either
     * limit crossed is enough.
     *
     * @param maxLag       the age of the oldest event not yet handled
     * @param maxLagEvents the positions between the last one handled and the head
     * @throws IllegalArgumentException when a limit is negative
     */
    public record Lag(@DefaultValue("30s") Duration maxLag, @DefaultValue("10000") long maxLagEvents) {

        public Lag {
            if (maxLag.isNegative() || maxLagEvents < 0) {
                throw new IllegalArgumentException("a lag limit must not be negative, was " + maxLag + " and "
                        + maxLagEvents + " events");
            }
        }

        /**
         * Why a lag is past these limits, or empty when it is within them.
         *
         * @param lagEvents  positions behind the head
         * @param lagSeconds age of the oldest event not yet handled
         */
        public Optional<String> excess(long lagEvents, double lagSeconds) {
            if (lagSeconds * 1000 > maxLag.toMillis()) {
                return Optional.of(String.format(Locale.ROOT, "lags %.1f s behind the head, more than %.1f s",
                        lagSeconds, maxLag.toMillis() / 1000.0));
            }
            if (lagEvents > maxLagEvents) {
                return Optional.of("lags " + lagEvents + " events behind the head, more than " + maxLagEvents);
            }
            return Optional.empty();
        }
    }
}
