package dev.ordo.jdbc;

import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.test.postgres.PostgresHarness;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Re-appends on PostgreSQL, which stores payloads as jsonb and so compares them as JSON values. */
class PostgresReappendIntegrationTests extends ReappendContract {

    private static HikariDataSource pool;
    private static OrdoDatabase database;

    @BeforeAll
    static void startDatabase() {
        pool = PostgresHarness.newDatabase().pool(8);
        database = OrdoDatabase.postgres(pool);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
        pool.close();
    }

    @Override
    protected OrdoDatabase database() {
        return database;
    }

    @Test
    void aRetryWhosePayloadIsTheSameJsonWrittenDifferentlyIsTheSameEvent() {
        StreamId stream = uniqueStream("cart");
        EventData original = EventData.of("cart.item-added", 1, "{\"sku\":\"a\",\"quantity\":2}", EventMetadata.empty());
        AppendResult first = store.append(stream, ExpectedVersion.noStream(), List.of(original));
        EventData reformatted = new EventData(original.eventId(), original.eventType(), original.schemaVersion(),
                "{ \"quantity\" : 2,\n  \"sku\" : \"a\" }", original.metadata());

        AppendResult retried = store.append(stream, ExpectedVersion.noStream(), List.of(reformatted));

        assertThat(retried).isEqualTo(first);
        assertThat(store.readStreamForwards(stream, 1, 10)).hasSize(1);
    }
}
