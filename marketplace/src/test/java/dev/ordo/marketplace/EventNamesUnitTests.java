package dev.ordo.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.notifications.NotificationEvent;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.payments.PaymentEvent;
import dev.ordo.marketplace.shipping.ShipmentEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventNamesUnitTests {

    @Test
    void givesEveryEventOfEveryContextADistinctStoredNameInItsStreamCategory() {
        List<Class<?>> families = List.of(OrderEvent.class, ProductEvent.class, StockEvent.class, PaymentEvent.class,
                ShipmentEvent.class, NotificationEvent.class);
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder();
        families.forEach(builder::registerSealed);
        EventTypeRegistry registry = builder.build();

        assertThat(registry.names()).hasSize(families.stream().mapToInt(f -> f.getPermittedSubclasses().length).sum());
        assertThat(registry.names()).allSatisfy(name -> assertThat(name)
                .matches("(order|product|stock|payment|shipment|notification)\\.[a-z-]+"));
    }
}
