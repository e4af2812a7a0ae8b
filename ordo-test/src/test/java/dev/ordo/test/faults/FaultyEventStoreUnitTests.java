package dev.ordo.test.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.test.contract.ContractEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultyEventStoreUnitTests {

    private final FaultyEventStore store = FaultyEventStore.wrap(new InMemoryEventStore());

    @Test
    void aFaultBeforeTheAppendWritesNothing() {
        StreamId stream = ContractEvents.uniqueStream("cart");
        store.failAppends(FaultyEventStore.When.BEFORE, stream::equals, 1,
                () -> new EventStoreUnavailableException("injected"));

        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.any(), List.of(ContractEvents.itemAdded("a", 1))))
                .isInstanceOf(EventStoreUnavailableException.class);

        assertThat(store.delegate().readStreamForwards(stream, 1, 10)).isEmpty();
        assertThat(store.injected()).isEqualTo(1);
    }

    @Test
    void aFaultAfterTheAppendLeavesItWrittenButUnheard() {
        StreamId stream = ContractEvents.uniqueStream("cart");
        store.failAppends(FaultyEventStore.When.AFTER, stream::equals, 1, () -> new SimulatedCrash("after commit"));

        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.any(), List.of(ContractEvents.itemAdded("a", 1))))
                .isInstanceOf(SimulatedCrash.class);

        assertThat(store.delegate().readStreamForwards(stream, 1, 10)).hasSize(1);
        store.append(stream, ExpectedVersion.exact(1), List.of(ContractEvents.itemAdded("b", 1)));
        assertThat(store.readStreamForwards(stream, 1, 10)).hasSize(2);
    }

    @Test
    void aStoreThatIsDownRefusesEveryCallUntilItIsBackUp() {
        StreamId stream = ContractEvents.uniqueStream("cart");
        store.down(true);

        assertThatThrownBy(store::headPosition).isInstanceOf(EventStoreUnavailableException.class);
        assertThatThrownBy(() -> store.readStreamForwards(stream, 1, 10))
                .isInstanceOf(EventStoreUnavailableException.class);

        store.heal();
        assertThat(store.headPosition()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anInjectorSeesEveryAppendAtBothPoints() {
        StreamId stream = ContractEvents.uniqueStream("cart");
        SeededFaults faults = SeededFaults.of(42);
        int[] seen = new int[2];
        store.inject((when, s, events) -> seen[when.ordinal()]++);

        for (int i = 0; i < 5; i++) {
            store.append(stream, ExpectedVersion.any(), List.of(ContractEvents.itemAdded("a" + faults.nextInt(9), 1)));
        }

        assertThat(seen).containsExactly(5, 5);
        assertThat(store.injected()).isZero();
    }
}
