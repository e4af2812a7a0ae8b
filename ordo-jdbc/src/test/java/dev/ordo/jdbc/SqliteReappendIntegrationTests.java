package dev.ordo.jdbc;

import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.DuplicateEventIdException;
import dev.ordo.core.store.ExpectedVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-appends on SQLite, which stores the payload's text as given and so compares the text. */
class SqliteReappendIntegrationTests extends ReappendContract {

    @TempDir
    Path folder;

    private OrdoDatabase database;

    @Override
    protected OrdoDatabase database() {
        if (database == null) {
            database = OrdoDatabase.sqlite(folder.resolve("events.db"));
        }
        return database;
    }

    @Override
    protected void closeDatabase() {
        database.close();
    }

    @Test
    void aRetryWhosePayloadTextDiffersIsAConflictEvenWhenItIsTheSameJson() {
        StreamId stream = uniqueStream("cart");
        EventData original = EventData.of("cart.item-added", 1, "{\"sku\":\"a\",\"quantity\":2}", EventMetadata.empty());
        store.append(stream, ExpectedVersion.noStream(), List.of(original));
        EventData reformatted = new EventData(original.eventId(), original.eventType(), original.schemaVersion(),
                "{ \"quantity\" : 2, \"sku\" : \"a\" }", original.metadata());

        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.noStream(), List.of(reformatted)))
                .isInstanceOf(DuplicateEventIdException.class)
                .hasMessageContaining(original.eventId() + " is stored with another payload");
    }
}
