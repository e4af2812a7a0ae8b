package dev.ordo.marketplace.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.event.Envelope;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.marketplace.ordering.OrderCancelled;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.ordering.OrderPaid;
import dev.ordo.marketplace.ordering.OrderPlaced;
import dev.ordo.marketplace.ordering.OrderStatus;
import dev.ordo.marketplace.ordering.PaymentMethod;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FulfilmentProcessUnitTests {

    private static final OrderId ORDER = OrderId.of(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private final FulfilmentProcess process = new FulfilmentProcess();

    private List<Object> react(OrderEvent event) {
        RecordedEvent recorded = new RecordedEvent(UUID.randomUUID(), StreamId.of("order", ORDER), 1, 1, "order.x", 1,
                "{}", EventMetadata.empty(), AT);
        return process.react(new Envelope<>(recorded, event));
    }

    @Test
    void startsTheFulfilmentOfEveryPlacedOrderUnderASagaIdThatFollowsFromTheOrder() {
        assertThat(react(new OrderPlaced(ORDER, CustomerId.of(UUID.randomUUID()), List.of(),
                new Address("Main St 1", "Berlin", "10115", "DE"), Money.of("1.00", "EUR"), AT)))
                .containsExactly(new StartFulfilment(ORDER));
        assertThat(FulfilmentIds.sagaId(ORDER)).isEqualTo(FulfilmentIds.sagaId(OrderId.of(ORDER.value())));
    }

    @Test
    void cancelsTheFulfilmentOfACancelledOrderAndIgnoresTheRest() {
        assertThat(react(new OrderCancelled(ORDER, "changed my mind", OrderStatus.PENDING, AT)))
                .containsExactly(new CancelFulfilment(ORDER, "order cancelled: changed my mind"));
        assertThat(react(new OrderPaid(ORDER, Money.of("1.00", "EUR"), PaymentMethod.CARD, "ref", AT))).isEmpty();
        assertThat(process.filter().eventTypes()).containsExactlyInAnyOrder("order.placed", "order.cancelled");
    }

    @Test
    void aCompensationUndoesWhatItsActionDidUnderTheActionsInvocationId() {
        assertThat(FulfilmentIds.actionInvocationId("s-1:take-payment:compensate")).isEqualTo("s-1:take-payment");
        assertThat(FulfilmentIds.actionInvocationId("s-1:take-payment")).isEqualTo("s-1:take-payment");
    }
}
