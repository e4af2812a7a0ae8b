package dev.ordo.marketplace.fulfilment.app;

import dev.ordo.marketplace.inventory.InventoryContracts;
import dev.ordo.marketplace.notifications.NotificationContracts;
import dev.ordo.marketplace.payments.PaymentsContracts;
import dev.ordo.marketplace.shared.StepContract;
import dev.ordo.marketplace.shipping.ShippingContracts;
import java.util.List;

/**
 * The requests the fulfilment saga sends to other contexts by message, as they publish them (the payments' only where
 * they are a service: in one process the saga takes the payment itself, {@link PaymentStep}): where a service runs
 * the saga apart from its participants, these are what its channel must carry to their command topics.
 */
public final class FulfilmentRequests {

    /** Every request the saga sends, with its participant. */
    public static final List<StepContract<?>> CONTRACTS = List.of(InventoryContracts.RESERVE,
            InventoryContracts.RELEASE, InventoryContracts.SHIP, ShippingContracts.CREATE, ShippingContracts.CANCEL,
            NotificationContracts.SEND, PaymentsContracts.CHARGE, PaymentsContracts.REFUND);

    private FulfilmentRequests() {
    }
}
