package dev.ordo.core.bus.event;

import static dev.ordo.core.bus.event.ShopEvents.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.bus.event.ShopEvents.CartEvent;
import dev.ordo.core.bus.event.ShopEvents.ItemAdded;
import dev.ordo.core.bus.event.ShopEvents.ItemRemoved;
import dev.ordo.core.bus.event.ShopEvents.OrderPlaced;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventBusDeliveryUnitTests {

    private static final RecordedEvent ADDED = recorded(1, "cart-1", new ItemAdded("sku-1"));
    private static final RecordedEvent REMOVED = recorded(2, "cart-1", new ItemRemoved("sku-1"));
    private static final RecordedEvent PLACED = recorded(3, "order-7", new OrderPlaced("o-7"));
    private static final RecordedEvent UNKNOWN = recorded(4, "cart-1", "cart.discount-applied", "{\"value\":\"10\"}");

    private final EventBus bus = EventBus.builder(new ShopEvents.Serializer()).build();
    private final List<String> seen = new ArrayList<>();

    @Test
    void deliversAnEventToTheListenersOfItsClassOnly() {
        List<Object> added = new ArrayList<>();
        bus.subscribe(EventSelector.type(ItemAdded.class), 0, message -> added.add(message.event()));

        bus.publish(List.of(ADDED, REMOVED, PLACED));

        assertThat(added).containsExactly(new ItemAdded("sku-1"));
    }

    @Test
    void deliversEveryRecordOfASealedInterfaceToTheListenersOfTheInterface() {
        List<Object> cart = new ArrayList<>();
        bus.subscribe(EventSelector.type(CartEvent.class), 0, message -> cart.add(message.event()));

        bus.publish(List.of(ADDED, PLACED, REMOVED));

        assertThat(cart).containsExactly(new ItemAdded("sku-1"), new ItemRemoved("sku-1"));
    }

    @Test
    void selectsEventsByTheirStoredTypeName() {
        bus.subscribe(EventSelector.typeName(ShopEvents.ORDER_PLACED), 0, record("orders"));

        bus.publish(List.of(ADDED, PLACED, REMOVED));

        assertThat(seen).containsExactly("orders@3");
    }

    @Test
    void selectsEventsByTheCategoryOfTheirStream() {
        bus.subscribe(EventSelector.category("cart"), 0, record("carts"));

        bus.publish(List.of(ADDED, PLACED, REMOVED));

        assertThat(seen).containsExactly("carts@1", "carts@2");
    }

    @Test
    void givesEveryEventToAListenerOfAll() {
        bus.subscribe(EventSelector.all(), 0, record("all"));

        bus.publish(List.of(ADDED, PLACED, UNKNOWN));

        assertThat(seen).containsExactly("all@1", "all@3", "all@4");
    }

    @Test
    void deliversAnEventOfAnUnknownTypeWithoutDomainEventToListenersNotSelectingByClass() {
        List<EventMessage> received = new ArrayList<>();
        bus.subscribe(EventSelector.type(Object.class), 0, record("byClass"));
        bus.subscribe(EventSelector.typeName("cart.discount-applied"), 0, received::add);
        bus.subscribe(EventSelector.category("cart"), 0, received::add);

        PublishResult result = bus.publish(UNKNOWN);

        assertThat(seen).isEmpty();
        assertThat(received).hasSize(2).allSatisfy(message -> {
            assertThat(message.event()).isNull();
            assertThat(message.isDeserialized()).isFalse();
            assertThat(message.recorded()).isEqualTo(UNKNOWN);
        });
        assertThat(result).isEqualTo(new PublishResult(2, 0));
        assertThat(bus.failures()).isEmpty();
    }

    @Test
    void treatsAnUnreadablePayloadLikeAnUnknownType() {
        RecordedEvent broken = recorded(5, "cart-1", ShopEvents.ITEM_ADDED, "not json");
        bus.subscribe(EventSelector.type(ItemAdded.class), 0, record("byClass"));
        bus.subscribe(EventSelector.typeName(ShopEvents.ITEM_ADDED), 0, record("byName"));

        bus.publish(broken);

        assertThat(seen).containsExactly("byName@5");
    }

    @Test
    void runsHigherPrioritiesFirstAndEqualPrioritiesInSubscriptionOrder() {
        bus.subscribe(EventSelector.all(), 0, record("normal-1"));
        bus.subscribe(EventSelector.all(), -5, record("late"));
        bus.subscribe(EventSelector.all(), 10, record("first"));
        bus.subscribe(EventSelector.all(), 0, record("normal-2"));

        bus.publish(ADDED);

        assertThat(seen).containsExactly("first@1", "normal-1@1", "normal-2@1", "late@1");
    }

    @Test
    void deliversEachEventToAllItsListenersBeforeTheNext() {
        bus.subscribe(EventSelector.all(), 0, record("a"));
        bus.subscribe(EventSelector.all(), 0, record("b"));

        PublishResult result = bus.publish(List.of(ADDED, REMOVED));

        assertThat(seen).containsExactly("a@1", "b@1", "a@2", "b@2");
        assertThat(result).isEqualTo(new PublishResult(4, 0));
    }

    @Test
    void letsMiddlewaresEnrichEventsInRegistrationOrder() {
        EventBus enriching = EventBus.builder(new ShopEvents.Serializer())
                .middleware(message -> Optional.of(message.withMetadata(metadataOf(message).with("tenant", "acme"))))
                .middleware(message -> Optional.of(message.withMetadata(
                        metadataOf(message).with("seen", metadataOf(message).extra().get("tenant")))))
                .build();
        List<EventMessage> received = new ArrayList<>();
        enriching.subscribe(EventSelector.type(ItemAdded.class), 0, received::add);

        enriching.publish(ADDED);

        assertThat(received).singleElement().satisfies(message -> {
            assertThat(metadataOf(message).extra()).containsEntry("tenant", "acme").containsEntry("seen", "acme");
            assertThat(message.event()).isEqualTo(new ItemAdded("sku-1"));
            assertThat(message.recorded().eventId()).isEqualTo(ADDED.eventId());
        });
    }

    @Test
    void letsAMiddlewareKeepAnEventFromEveryListener() {
        List<String> middlewareCalls = new ArrayList<>();
        EventBus filtering = EventBus.builder(new ShopEvents.Serializer())
                .middleware(message -> message.event() instanceof ItemRemoved ? Optional.empty() : Optional.of(message))
                .middleware(message -> {
                    middlewareCalls.add("second@" + message.recorded().position());
                    return Optional.of(message);
                })
                .build();
        filtering.subscribe(EventSelector.all(), 0, record("all"));

        PublishResult removed = filtering.publish(REMOVED);
        filtering.publish(ADDED);

        assertThat(removed).isEqualTo(PublishResult.NONE);
        assertThat(seen).containsExactly("all@1");
        assertThat(middlewareCalls).containsExactly("second@1");
    }

    @Test
    void failsThePublishWhenAMiddlewareThrows() {
        EventBus failing = EventBus.builder(new ShopEvents.Serializer())
                .middleware(message -> {
                    throw new IllegalStateException("tenant lookup failed");
                })
                .build();
        failing.subscribe(EventSelector.all(), 0, record("all"));

        assertThatThrownBy(() -> failing.publish(ADDED)).hasMessage("tenant lookup failed");
        assertThat(seen).isEmpty();
    }

    @Test
    void stopsDeliveringToAListenerOnceUnsubscribed() {
        Registration registration = bus.subscribe(EventSelector.all(), 0, record("gone"));
        bus.subscribe(EventSelector.all(), 0, record("stays"));
        bus.publish(ADDED);

        registration.unsubscribe();
        registration.unsubscribe();
        bus.publish(REMOVED);

        assertThat(seen).containsExactly("gone@1", "stays@1", "stays@2");
    }

    @Test
    void unsubscribesWhenTheRegistrationIsClosed() {
        try (Registration registration = bus.subscribe(EventSelector.all(), 0, record("scoped"))) {
            bus.publish(ADDED);
            assertThat(registration.listener()).startsWith("all#");
        }
        bus.publish(REMOVED);

        assertThat(seen).containsExactly("scoped@1");
    }

    private static EventMetadata metadataOf(EventMessage message) {
        return message.recorded().metadata();
    }

    private EventListener record(String name) {
        return message -> seen.add(name + "@" + message.recorded().position());
    }
}
