package dev.ordo.core.bus.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.bus.event.ShopEvents.ItemAdded;
import dev.ordo.core.bus.event.ShopEvents.OrderPlaced;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.InMemoryCheckpointStore;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventBusConsumerUnitTests {

    private final ShopEvents.Serializer serializer = new ShopEvents.Serializer();
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final HeadSignal signal = new HeadSignal();
    private final Subscriptions subscriptions = new Subscriptions(store, signal, null, Clock.systemUTC());
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    private final EventBus bus = EventBus.builder(serializer).build();
    private final List<Object> received = Collections.synchronizedList(new ArrayList<>());

    EventBusConsumerUnitTests() {
        store.onCommit(signal::advance);
    }

    @AfterEach
    void stop() {
        subscriptions.close();
    }

    @Test
    void feedsTheBusFromACheckpointedSubscription() throws InterruptedException {
        bus.subscribe(EventSelector.all(), 0, message -> received.add(message.event()));
        append("cart-1", new ItemAdded("sku-1"), new ItemAdded("sku-2"));

        Subscription subscription = subscriptions.start("bus", bus.consumer("bus", checkpoints),
                SubscriptionOptions.defaults().withPollInterval(Duration.ofHours(1)));
        append("order-1", new OrderPlaced("o-1"));

        assertThat(subscription.awaitPosition(3, Duration.ofSeconds(10))).isTrue();
        assertThat(received).containsExactly(new ItemAdded("sku-1"), new ItemAdded("sku-2"), new OrderPlaced("o-1"));
        assertThat(checkpoints.load("bus")).isEqualTo(3);
    }

    @Test
    void movesTheCheckpointOnWhenAListenerFailsAndKeepsTheFailure() throws InterruptedException {
        bus.subscribe("broken", EventSelector.all(), 0, message -> {
            throw new IllegalStateException("projection table missing");
        });
        append("cart-1", new ItemAdded("sku-1"));

        Subscription subscription = subscriptions.start("bus", bus.consumer("bus", checkpoints),
                SubscriptionOptions.defaults().withPollInterval(Duration.ofHours(1)));

        assertThat(subscription.awaitPosition(1, Duration.ofSeconds(10))).isTrue();
        assertThat(checkpoints.load("bus")).isEqualTo(1);
        assertThat(bus.failures()).extracting(ListenerFailure::listener).containsExactly("broken");
        assertThat(subscription.status().failures()).isZero();
    }

    private void append(String stream, Object... events) {
        List<EventData> data = new ArrayList<>();
        for (Object event : events) {
            data.add(serializer.serialize(event, EventMetadata.empty()));
        }
        store.append(StreamId.of(stream), ExpectedVersion.any(), data);
    }
}
