package dev.ordo.test.contract;

import static dev.ordo.test.contract.ContractEvents.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.Snapshot;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.test.contract.ContractCart.AddItem;
import dev.ordo.test.contract.ContractCart.Cart;
import dev.ordo.test.contract.ContractCart.CartCommand;
import dev.ordo.test.contract.ContractEvents.CartEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The snapshot store keeps the latest usable snapshot; command handling loads from it and rebuilds stale ones. */
public interface SnapshotContract extends StoreUnderTest {

    @Test
    default void savesAndLoadsTheLatestSnapshot() {
        StreamId stream = uniqueStream("cart");
        Snapshot first = new Snapshot(stream, 10, 1, "{\"items\":10}", Instant.parse("2026-01-01T00:00:00Z"));
        Snapshot second = new Snapshot(stream, 20, 1, "{\"items\":20}", Instant.parse("2026-01-02T00:00:00Z"));

        snapshotStore().save(first);
        snapshotStore().save(second);

        assertThat(snapshotStore().load(stream)).hasValueSatisfying(s -> {
            assertThat(s.version()).isEqualTo(20);
            assertThat(JsonAssert.parse(s.state())).isEqualTo(JsonAssert.parse("{\"items\":20}"));
            assertThat(s.takenAt()).isEqualTo(second.takenAt());
            assertThat(s.schemaVersion()).isEqualTo(1);
        });
        assertThat(snapshotStore().load(uniqueStream("cart"))).isEmpty();
    }

    @Test
    default void anOlderSnapshotDoesNotReplaceANewerOne() {
        StreamId stream = uniqueStream("cart");
        snapshotStore().save(new Snapshot(stream, 20, 1, "{}", Instant.now()));

        snapshotStore().save(new Snapshot(stream, 10, 1, "{}", Instant.now()));

        assertThat(snapshotStore().load(stream).orElseThrow().version()).isEqualTo(20);
    }

    @Test
    default void aSnapshotOfAnotherSchemaVersionReplacesTheStoredOne() {
        StreamId stream = uniqueStream("cart");
        snapshotStore().save(new Snapshot(stream, 20, 1, "{}", Instant.now()));

        snapshotStore().save(new Snapshot(stream, 15, 2, "{}", Instant.now()));

        assertThat(snapshotStore().load(stream)).hasValueSatisfying(s -> {
            assertThat(s.version()).isEqualTo(15);
            assertThat(s.schemaVersion()).isEqualTo(2);
        });
    }

    @Test
    default void deletingASnapshotRemovesIt() {
        StreamId stream = uniqueStream("cart");
        snapshotStore().save(new Snapshot(stream, 3, 1, "{}", Instant.now()));

        snapshotStore().delete(stream);

        assertThat(snapshotStore().load(stream)).isEmpty();
    }

    @Test
    default void commandHandlingLoadsFromTheSnapshotAndReadsOnlyLaterEvents() {
        CommandHandler<CartCommand, Cart, CartEvent> handler = cartHandler(1, 10);
        StreamId stream = uniqueStream("cart");
        for (int i = 1; i <= 25; i++) {
            handler.handle(stream, new AddItem("sku-" + i, 1), EventMetadata.empty());
        }

        Loaded<Cart> loaded = handler.load(stream);

        assertThat(snapshotStore().load(stream)).hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(20));
        assertThat(loaded.fromSnapshot()).isTrue();
        assertThat(loaded.eventsRead()).isEqualTo(5);
        assertThat(loaded.version()).isEqualTo(25);
        assertThat(loaded.state()).isEqualTo(new Cart(25, 25, false));
    }

    @Test
    default void aStaleSnapshotIsIgnoredAndRebuilt() {
        StreamId stream = uniqueStream("cart");
        CommandHandler<CartCommand, Cart, CartEvent> old = cartHandler(1, 5);
        for (int i = 0; i < 6; i++) {
            old.handle(stream, new AddItem("sku", 2), EventMetadata.empty());
        }
        CommandHandler<CartCommand, Cart, CartEvent> current = cartHandler(2, 5);

        Loaded<Cart> loaded = current.load(stream);
        current.handle(stream, new AddItem("sku", 2), EventMetadata.empty());

        assertThat(loaded.fromSnapshot()).isFalse();
        assertThat(loaded.state()).isEqualTo(new Cart(12, 6, false));
        assertThat(snapshotStore().load(stream)).hasValueSatisfying(s -> {
            assertThat(s.schemaVersion()).isEqualTo(2);
            assertThat(s.version()).isEqualTo(7);
        });
        assertThat(current.load(stream).fromSnapshot()).isTrue();
    }

    @Test
    default void theStateAtAnEarlierVersionIsAFirstClassRead() {
        CommandHandler<CartCommand, Cart, CartEvent> handler = cartHandler(1, 4);
        StreamId stream = uniqueStream("cart");
        for (int i = 1; i <= 9; i++) {
            handler.handle(stream, new AddItem("sku-" + i, i), EventMetadata.empty());
        }

        assertThat(handler.loadAt(stream, 3)).hasValueSatisfying(at -> {
            assertThat(at.version()).isEqualTo(3);
            assertThat(at.state()).isEqualTo(new Cart(6, 3, false));
        });
        assertThat(handler.loadAt(stream, 9).orElseThrow().state()).isEqualTo(new Cart(45, 9, false));
        assertThat(handler.loadAt(stream, 10)).isEmpty();
    }

    private CommandHandler<CartCommand, Cart, CartEvent> cartHandler(int stateSchemaVersion, int snapshotEvery) {
        return CommandHandler.builder(ContractCart.DECIDER, CartEvent.class, store(), ContractEvents.SERIALIZER)
                .snapshots(snapshotStore(), JacksonStateCodec.of(Cart.class, stateSchemaVersion),
                        SnapshotPolicy.everyNEvents(snapshotEvery))
                .build();
    }
}
