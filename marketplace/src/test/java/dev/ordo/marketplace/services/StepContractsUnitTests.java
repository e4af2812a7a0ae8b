package dev.ordo.marketplace.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.marketplace.fulfilment.app.FulfilmentRequests;
import dev.ordo.marketplace.inventory.OrderStockReserved;
import dev.ordo.marketplace.inventory.ReleaseOrderStock;
import dev.ordo.marketplace.inventory.ReserveOrderStock;
import dev.ordo.marketplace.inventory.ShipOrderStock;
import dev.ordo.marketplace.inventory.app.OrderStockRequests;
import dev.ordo.marketplace.notifications.NotificationKind;
import dev.ordo.marketplace.notifications.SendNotification;
import dev.ordo.marketplace.notifications.app.NotificationRequests;
import dev.ordo.marketplace.payments.ChargeOrder;
import dev.ordo.marketplace.payments.PaymentTaken;
import dev.ordo.marketplace.payments.RefundOrderPayment;
import dev.ordo.marketplace.payments.app.PaymentRequests;
import dev.ordo.marketplace.platform.wiring.ContextParticipant;
import dev.ordo.marketplace.platform.wiring.EventJson;
import dev.ordo.marketplace.shared.Address;
import dev.ordo.marketplace.shared.CustomerId;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shared.ProductId;
import dev.ordo.marketplace.shared.StepContract;
import dev.ordo.marketplace.shipping.CancelBooking;
import dev.ordo.marketplace.shipping.CreateShipment;
import dev.ordo.marketplace.shipping.ShipmentBooked;
import dev.ordo.marketplace.shipping.app.ShipmentBookings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fulfilment's requests as published contracts: each one it sends is answered by exactly one participant, under
 * a name no other request has, and every request and answer survives the trip through the JSON the services write.
 */
class StepContractsUnitTests {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void everyRequestTheFulfilmentSendsIsHandledByExactlyOneParticipantUnderAUniqueName() {
        List<StepContract<?>> handled = new ArrayList<>();
        ContextParticipant.Handlers collect = new ContextParticipant.Handlers() {
            @Override
            public <P> ContextParticipant.Handlers handle(StepContract<P> contract,
                                                         ContextParticipant.Handler<? super P> handler) {
                handled.add(contract);
                return this;
            }
        };
        for (ContextParticipant participant : List.of(new OrderStockRequests(null), new ShipmentBookings(null),
                new NotificationRequests(null), new PaymentRequests(null))) {
            participant.handlers(collect);
        }

        assertThat(handled).containsExactlyInAnyOrderElementsOf(FulfilmentRequests.CONTRACTS);
        assertThat(handled.stream().map(StepContract::name)).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("[a-z]+\\.[a-z-]+\\.v[0-9]+"));
    }

    @Test
    void everyRequestAndAnswerComesBackEqualFromTheJsonTheServicesWrite() throws Exception {
        JsonMapper json = EventJson.mapper();
        ProductId product = ProductId.of(UUID.randomUUID());
        List<Object> messages = List.of(
                new ReserveOrderStock("saga:reserve-stock", List.of(new ReserveOrderStock.Line(product, "Oak board", 2)),
                        AT),
                new OrderStockReserved("saga:reserve-stock"),
                new ReleaseOrderStock("saga:reserve-stock", List.of(product), AT),
                new ShipOrderStock("saga:reserve-stock", List.of(product), AT),
                new CreateShipment(UUID.randomUUID(), OrderId.of(UUID.randomUUID()),
                        new Address("Main St 1", "Berlin", "10115", "DE"), AT),
                new ShipmentBooked(UUID.randomUUID(), "La Poste", "LP123"),
                new CancelBooking(UUID.randomUUID(), "payment declined", AT),
                new SendNotification(UUID.randomUUID(), CustomerId.of(UUID.randomUUID()), OrderId.of(UUID.randomUUID()),
                        NotificationKind.ORDER_CONFIRMED, "on its way", AT),
                new ChargeOrder(OrderId.of(UUID.randomUUID()), "saga:take-payment", Money.of("42.50", "EUR"), "CARD",
                        AT),
                new PaymentTaken("saga:take-payment", "ref-1", Money.of("42.50", "EUR")),
                new RefundOrderPayment(OrderId.of(UUID.randomUUID()), "saga:take-payment", AT));

        for (Object message : messages) {
            assertThat(json.readValue(json.writeValueAsBytes(message), message.getClass())).isEqualTo(message);
        }
        List<Class<?>> types = new ArrayList<>();
        FulfilmentRequests.CONTRACTS.forEach(contract -> {
            types.add(contract.type());
            if (contract.replyType() != Void.class) {
                types.add(contract.replyType());
            }
        });
        assertThat(messages.stream().<Class<?>>map(Object::getClass)).containsExactlyInAnyOrderElementsOf(types);
    }
}
