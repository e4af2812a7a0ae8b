package dev.ordo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeRegistryUnitTests {

    sealed interface ShopEvent permits OrderEvent, CustomerRegistered {
    }

    sealed interface OrderEvent extends ShopEvent permits OrderPlaced, OrderShipped {
    }

    @EventType("order.placed")
    record OrderPlaced(String orderId) implements OrderEvent {
    }

    @EventType(value = "order.shipped", version = 3)
    record OrderShipped(String orderId) implements OrderEvent {
    }

    @EventType("customer.registered")
    record CustomerRegistered(String customerId) implements ShopEvent {
    }

    sealed interface HalfAnnotated permits Annotated, NotAnnotated {
    }

    @EventType("half.annotated")
    record Annotated() implements HalfAnnotated {
    }

    record NotAnnotated() implements HalfAnnotated {
    }

    @Test
    void findsARegisteredClassByClassAndByName() {
        EventTypeRegistry registry = EventTypeRegistry.builder().register(OrderPlaced.class, "order.placed", 2).build();

        EventTypeRegistry.Entry expected = new EventTypeRegistry.Entry("order.placed", 2, OrderPlaced.class);
        assertThat(registry.forClass(OrderPlaced.class)).isEqualTo(expected);
        assertThat(registry.forName("order.placed")).isEqualTo(expected);
        assertThat(registry.find("order.placed")).contains(expected);
        assertThat(registry.names()).containsExactly("order.placed");
    }

    @Test
    void findsNothingForAnUnknownName() {
        EventTypeRegistry registry = EventTypeRegistry.builder().register(OrderPlaced.class, "order.placed", 1).build();

        assertThat(registry.find("order.cancelled")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "order.placed", "order.item-added", "order_line.v2", "cart2.item-removed"})
    void acceptsLowerCaseWordNames(String name) {
        EventTypeRegistry registry = EventTypeRegistry.builder().register(OrderPlaced.class, name, 1).build();

        assertThat(registry.forName(name).type()).isEqualTo(OrderPlaced.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OrderPlaced", "dev.ordo.X", "dev.ordo.core.OrderPlaced", "order..placed", "order.",
            ".order", "1order", "order placed", "", "order$placed", "order.Placed"})
    void rejectsNamesThatAreNotLowerCaseWords(String name) {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder();

        assertThatThrownBy(() -> builder.register(OrderPlaced.class, name, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("must be lower case words");
    }

    @Test
    void rejectsASchemaVersionBelowOne() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder();

        assertThatThrownBy(() -> builder.register(OrderPlaced.class, "order.placed", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void rejectsANameAlreadyUsedByAnotherClass() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(OrderPlaced.class, "order.placed", 1);

        assertThatThrownBy(() -> builder.register(OrderShipped.class, "order.placed", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'order.placed' is already used by " + OrderPlaced.class.getName())
                .hasMessageContaining(OrderShipped.class.getName());
    }

    @Test
    void rejectsAClassAlreadyRegisteredUnderAnotherName() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(OrderPlaced.class, "order.placed", 1);

        assertThatThrownBy(() -> builder.register(OrderPlaced.class, "order.created", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered as 'order.placed'");
    }

    @Test
    void registersAnAnnotatedClassWithItsNameAndVersion() {
        EventTypeRegistry registry = EventTypeRegistry.builder().registerAnnotated(OrderShipped.class).build();

        assertThat(registry.forClass(OrderShipped.class).name()).isEqualTo("order.shipped");
        assertThat(registry.forClass(OrderShipped.class).schemaVersion()).isEqualTo(3);
    }

    @Test
    void registersEveryClassOfNestedSealedInterfaces() {
        EventTypeRegistry registry = EventTypeRegistry.builder().registerSealed(ShopEvent.class).build();

        assertThat(registry.names()).containsExactlyInAnyOrder("order.placed", "order.shipped", "customer.registered");
        assertThat(registry.forName("order.placed").schemaVersion()).isEqualTo(1);
        assertThat(registry.forName("order.shipped").schemaVersion()).isEqualTo(3);
        assertThat(registry.forClass(CustomerRegistered.class).name()).isEqualTo("customer.registered");
    }

    @Test
    void rejectsAClassWithoutTheEventTypeAnnotation() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder();

        assertThatThrownBy(() -> builder.registerAnnotated(NotAnnotated.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NotAnnotated.class.getName())
                .hasMessageContaining("has no @EventType annotation");
    }

    @Test
    void rejectsASealedInterfaceWithAnUnannotatedClass() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder();

        assertThatThrownBy(() -> builder.registerSealed(HalfAnnotated.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(NotAnnotated.class.getName())
                .hasMessageContaining("has no @EventType annotation");
    }

    @Test
    void rejectsATypeThatIsNotSealed() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder();

        assertThatThrownBy(() -> builder.registerSealed(OrderPlaced.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a sealed type");
    }

    @Test
    void reportsAnUnknownClassWithItsName() {
        EventTypeRegistry registry = EventTypeRegistry.builder().register(OrderPlaced.class, "order.placed", 1).build();

        assertThatThrownBy(() -> registry.forClass(OrderShipped.class))
                .isInstanceOf(UnknownEventTypeException.class)
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("event class " + OrderShipped.class.getName() + " is not registered");
    }

    @Test
    void reportsAnUnknownNameWithTheKnownNames() {
        EventTypeRegistry registry = EventTypeRegistry.builder().registerSealed(OrderEvent.class).build();

        assertThatThrownBy(() -> registry.forName("order.cancelled"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("stored event type 'order.cancelled' is not registered")
                .hasMessageContaining("known types: [order.placed, order.shipped]");
    }

    @Test
    void isNotChangedByLaterRegistrationsOnItsBuilder() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(OrderPlaced.class, "order.placed", 1);
        EventTypeRegistry registry = builder.build();

        builder.register(OrderShipped.class, "order.shipped", 1);

        assertThat(registry.find("order.shipped")).isEmpty();
        assertThatThrownBy(() -> registry.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void registeringTheSameClassNameAndVersionTwiceChangesNothing() {
        EventTypeRegistry registry = EventTypeRegistry.builder()
                .register(OrderPlaced.class, "order.placed", 2)
                .register(OrderPlaced.class, "order.placed", 2)
                .build();

        assertThat(registry.forClass(OrderPlaced.class).schemaVersion()).isEqualTo(2);
    }

    @Test
    void rejectsRegisteringAClassAgainUnderAnotherSchemaVersion() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(OrderPlaced.class, "order.placed", 1);

        assertThatThrownBy(() -> builder.register(OrderPlaced.class, "order.placed", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered as 'order.placed' version 1");
    }
}
