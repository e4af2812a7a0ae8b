package dev.ordo.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.ordering.OrderEvent;
import org.junit.jupiter.api.Test;

class EventNamesUnitTests {

    @Test
    void givesEveryEventOfEveryContextADistinctStoredNameInItsStreamCategory() {
        EventTypeRegistry registry = EventTypeRegistry.builder()
                .registerSealed(OrderEvent.class)
                .registerSealed(ProductEvent.class)
                .build();

        assertThat(registry.names()).hasSize(OrderEvent.class.getPermittedSubclasses().length
                + ProductEvent.class.getPermittedSubclasses().length);
        assertThat(registry.names()).allSatisfy(name -> assertThat(name).matches("(order|product)\\.[a-z-]+"));
    }
}
