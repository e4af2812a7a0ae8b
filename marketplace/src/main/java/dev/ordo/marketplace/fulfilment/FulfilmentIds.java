package dev.ordo.marketplace.fulfilment;

import dev.ordo.marketplace.shared.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The ids the fulfilment derives, so that the same order always gets the same saga. Pure. */
public final class FulfilmentIds {

    /** The saga type. */
    public static final String SAGA_TYPE = "order-fulfilment";

    private FulfilmentIds() {
    }

    /** The fulfilment saga of an order: a name-based UUID of the order id. */
    public static UUID sagaId(OrderId orderId) {
        return UUID.nameUUIDFromBytes((SAGA_TYPE + ":" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The invocation id of a step's action, also from its compensation's context (whose id ends with
     * {@code :compensate}): what the action reserved, charged or booked under is what the compensation undoes.
     */
    public static String actionInvocationId(String invocationId) {
        return invocationId.endsWith(":compensate")
                ? invocationId.substring(0, invocationId.length() - ":compensate".length()) : invocationId;
    }

    /** A UUID for ids that must be UUIDs (shipments, notifications), from an invocation id. */
    public static UUID uuidOf(String invocationId) {
        return UUID.nameUUIDFromBytes(invocationId.getBytes(StandardCharsets.UTF_8));
    }
}
