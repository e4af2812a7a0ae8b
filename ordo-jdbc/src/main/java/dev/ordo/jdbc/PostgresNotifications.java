package dev.ordo.jdbc;

import dev.ordo.core.subscription.HeadSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL's {@code ordo_events} channel, which every append notifies on commit with the new head, and
 * feeds a {@link HeadSignal}: subscribers in this process wake up for commits made by any process. It holds one
 * connection of the data source while running and reconnects after failures; if notifications stop, subscribers
 * still poll. Thread-safe.
 */
public final class PostgresNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

    private final DataSource dataSource;
    private final HeadSignal signal;
    private final Thread thread;
    private volatile boolean running = true;

    private PostgresNotifications(DataSource dataSource, HeadSignal signal) {
        this.dataSource = dataSource;
        this.signal = signal;
        this.thread = Thread.ofPlatform().name("ordo-postgres-listener").daemon().unstarted(this::run);
    }

    /**
     * Starts listening.
     *
     * @throws IllegalArgumentException when the database is not PostgreSQL
     */
    public static PostgresNotifications start(OrdoDatabase database, HeadSignal signal) {
        if (!"postgresql".equals(database.dialectName())) {
            throw new IllegalArgumentException("LISTEN/NOTIFY needs PostgreSQL, not " + database.dialectName());
        }
        PostgresNotifications notifications = new PostgresNotifications(database.readDataSource(), signal);
        notifications.thread.start();
        return notifications;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN ordo_events");
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                backoff = Duration.ofMillis(200);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    long head = 0;
                    for (PGNotification notification : notifications) {
                        head = Math.max(head, Long.parseLong(notification.getParameter()));
                    }
                    signal.advance(head);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("listening for PostgreSQL notifications failed; reconnecting in {} ms (subscribers poll meanwhile)",
                        backoff.toMillis(), e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
