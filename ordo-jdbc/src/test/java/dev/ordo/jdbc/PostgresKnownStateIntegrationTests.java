package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.StreamDeletedException;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.test.faults.FaultyDataSource;
import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A writer plans its next batch on the streams it just wrote from what it knows, without reading the store: what
 * another instance wrote in between (to the same stream, or a change to the stream) must still be seen, through the
 * append statement's revision check, so that no version is taken twice and no expectation is judged on stale state.
 */
class PostgresKnownStateIntegrationTests {

    private final PostgresDatabase db = PostgresHarness.newDatabase();
    private final HikariDataSource poolA = db.pool(2);
    private final HikariDataSource poolB = db.pool(2);
    private final AtomicInteger stateReads = new AtomicInteger();
    private final JdbcEventStore a = JdbcEventStore.create(OrdoDatabase.postgres(FaultyDataSource.wrap(poolA)
            .inject((when, call) -> {
                if (when == FaultyDataSource.When.BEFORE && call.sql() != null
                        && call.sql().contains("LEFT JOIN ordo_streams")) {
                    stateReads.incrementAndGet();
                }
            })));
    private final JdbcEventStore b = JdbcEventStore.create(OrdoDatabase.postgres(poolB));
    private final StreamId stream = StreamId.of("account", UUID.randomUUID());

    @AfterEach
    void close() {
        a.close();
        b.close();
        poolA.close();
        poolB.close();
    }

    @Test
    void aWriterSeesWhatAnotherInstanceAppendedToItsStreamSinceItsLastWrite() {
        assertThat(a.append(stream, ExpectedVersion.noStream(), events("opened")).streamVersion()).isEqualTo(1);
        assertThat(a.append(stream, ExpectedVersion.exact(1), events("deposited")).streamVersion()).isEqualTo(2);
        assertThat(b.append(stream, ExpectedVersion.exact(2), events("withdrawn")).streamVersion()).isEqualTo(3);

        assertThatThrownBy(() -> a.append(stream, ExpectedVersion.exact(2), events("deposited again")))
                .isInstanceOf(WrongExpectedVersionException.class);
        AppendResult next = a.append(stream, ExpectedVersion.exact(3), events("closed"));

        assertThat(next.streamVersion()).isEqualTo(4);
        assertThat(a.append(stream, ExpectedVersion.any(), events("reopened")).streamVersion()).isEqualTo(5);
        List<RecordedEvent> history = a.readStreamForwards(stream);
        assertThat(history).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(history).extracting(e -> e.payload().replace(" ", "")).containsExactly("{\"what\":\"opened\"}",
                "{\"what\":\"deposited\"}", "{\"what\":\"withdrawn\"}", "{\"what\":\"closed\"}",
                "{\"what\":\"reopened\"}");
        assertThat(history).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aLoneWriterAppendsToTheStreamItJustWroteWithoutReadingItsStateFirst() {
        a.append(stream, ExpectedVersion.noStream(), events("opened"));
        int afterFirst = stateReads.get();

        for (int i = 2; i <= 5; i++) {
            assertThat(a.append(stream, ExpectedVersion.exact(i - 1), events("deposit " + i)).streamVersion())
                    .isEqualTo(i);
        }
        assertThat(stateReads.get()).isEqualTo(afterFirst);
        b.append(stream, ExpectedVersion.exact(5), events("withdrawn"));
        assertThat(a.append(stream, ExpectedVersion.any(), events("closed")).streamVersion()).isEqualTo(7);
        assertThat(stateReads.get()).as("read again once another instance wrote").isEqualTo(afterFirst + 1);
    }

    @Test
    void aWriterSeesThatAnotherInstanceTombstonedItsStream() {
        a.append(stream, ExpectedVersion.noStream(), events("opened"));
        a.append(stream, ExpectedVersion.exact(1), events("deposited"));
        b.tombstone(stream, ExpectedVersion.exact(2));

        assertThatThrownBy(() -> a.append(stream, ExpectedVersion.exact(2), events("deposited again")))
                .isInstanceOf(StreamDeletedException.class);
        assertThatThrownBy(() -> a.append(stream, ExpectedVersion.any(), events("anything")))
                .isInstanceOf(StreamDeletedException.class);
    }

    private static List<EventData> events(String what) {
        return List.of(EventData.of("account.event", 1, "{\"what\":\"" + what + "\"}", EventMetadata.empty()));
    }
}
