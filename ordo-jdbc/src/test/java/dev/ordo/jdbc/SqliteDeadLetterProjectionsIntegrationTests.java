package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.subscription.PoisonPolicy;
import dev.ordo.core.subscription.Subscription;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poison events of a projection on SQLite, and a database file that another process keeps locked for a while. */
class SqliteDeadLetterProjectionsIntegrationTests extends JdbcDeadLetterProjectionsContract {

    @TempDir
    Path folder;

    /** A short busy timeout, so that a lock held by another process fails a write quickly. */
    @Override
    OrdoDatabase openDatabase() {
        return OrdoDatabase.sqlite(folder.resolve("dead-letters.db"), new SqliteOptions(4, Duration.ofMillis(200)));
    }

    @Test
    void aFileLockedByAnotherProcessParksNothingAndEveryEventIsAppliedOnceWhenItIsReleased() throws Exception {
        append("cart-1");
        Subscription first = start(PoisonPolicy.STOP_STREAM);
        await().atMost(20, TimeUnit.SECONDS).until(() -> first.status().checkpoint() == 1);
        projections.close();
        append("cart-1", "cart-2", "cart-1");

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("dead-letters.db"));
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            Subscription blocked = start(PoisonPolicy.STOP_STREAM);
            await().atMost(20, TimeUnit.SECONDS).until(() -> blocked.status().failures() > 2 * FAST.maxAttempts());
            assertThat(letters()).isEmpty();
            assertThat(checkpoint()).isEqualTo(1);
            lock.execute("ROLLBACK");
        }

        await().atMost(20, TimeUnit.SECONDS).until(() -> checkpoint() == 4);
        assertThat(applied(null)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(letters()).isEmpty();
        append("cart-2");
        await().atMost(20, TimeUnit.SECONDS).until(() -> checkpoint() == 5);
        assertThat(applied(null)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }
}
